using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Metadata;

/// <summary>
/// Picks the headline (JSON-LD, og:title, h1, title; site suffixes removed), takes its block out of the preview,
/// and reads the visible kicker next to it as the section when structured data names none.
/// </summary>
internal sealed class HeadlineStage : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        var facts = context.Facts;
        var blocks = context.Blocks;
        var h1 = blocks.FirstOrDefault(b => b.IsVisible && b.HeadingLevel == 1 && b.Type == BlockType.Heading);
        var titleBlock = context.Document is null ? FirstTitleLine(blocks) : null;
        var siteName = facts.SiteName;
        context.Headline = Titles.StripSiteSuffix(facts.Headline, siteName, strict: true)
            ?? Titles.StripSiteSuffix(facts.OgTitle, siteName, strict: false)
            ?? h1?.Text
            ?? titleBlock?.Text
            ?? Titles.StripSiteSuffix(facts.HtmlTitle, siteName, strict: false);
        if (context.Headline is null)
        {
            return;
        }

        var key = TextNormalizer.Normalize(context.Headline);
        // The first <h1> is the headline's block only when it says the headline: pages that give every subheading an
        // <h1> must not lose one from the preview because structured data names another title.
        var headlineBlock = blocks.FirstOrDefault(b => b.IsVisible && b.Role != BlockRole.Hidden && b.Normalized == key)
            ?? (h1 is not null && SaysTheSame(h1.Normalized, key) ? h1 : null) ?? titleBlock;
        foreach (var block in blocks)
        {
            if (block == headlineBlock)
            {
                block.Assign(BlockRole.Headline, "headline");
            }
            else if (block.Role == BlockRole.Candidate && block.Text.Length == context.Headline.Length && block.Normalized == key)
            {
                block.Assign(BlockRole.Duplicate, "headline-repeat");
            }
        }

        if (headlineBlock is not null)
        {
            // Short lines above the headline are labels, breadcrumbs and badges, not the article; unless the article's
            // prose starts above it (the matching line is then a repeat in a list further down).
            var firstProse = blocks.FirstOrDefault(b => b.Role == BlockRole.Candidate && b.Type == BlockType.Paragraph && b.WordCount >= 20);
            var stop = firstProse is null ? headlineBlock.Index : Math.Min(headlineBlock.Index, firstProse.Index);
            foreach (var block in blocks)
            {
                if (block.Index >= stop)
                {
                    break;
                }

                if (block.Role == BlockRole.Candidate && block.WordCount < 10)
                {
                    block.Assign(BlockRole.Boilerplate, "before-headline");
                }
            }

            var kicker = Kicker.Find(blocks, headlineBlock.Index);
            if (kicker is not null)
            {
                kicker.Assign(BlockRole.Data, "kicker");
                context.Section = facts.Section ?? kicker.Text;
            }
        }

        context.Section ??= facts.Section;
    }

    /// <summary>One title contains the other ("Brexit: MPs vote again" and "MPs vote again").</summary>
    private static bool SaysTheSame(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    /// <summary>In a text rendering, the first short line that is not interface text and reads like a title.</summary>
    private static Block? FirstTitleLine(List<Block> blocks) =>
        blocks.Take(12).FirstOrDefault(b => b.Role == BlockRole.Candidate && b.Type == BlockType.Paragraph
            && b.WordCount is >= 3 and <= 25 && !b.Text.EndsWith('.') && !Kicker.IsCapsLabel(b.Text));
}
