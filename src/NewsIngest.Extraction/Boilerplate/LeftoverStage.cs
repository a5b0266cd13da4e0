using System.Text.RegularExpressions;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The last sweep over the preview: drops what survived the body locator but is not article text. Photo credits and
/// captions ("Foto: dpa", "© Getty Images"), headings that head nothing (a "Related" or "Was denkst du?" heading whose
/// list was removed, teaser titles in a row), headings that are links to other pages, and share or newsletter calls
/// after the article's last paragraph.
/// </summary>
internal sealed partial class LeftoverStage : IExtractionStage
{
    /// <summary>A paragraph of this many words or more is article prose; the article's end is the last one.</summary>
    private const int ProseWords = 20;

    /// <summary>Credits and captions are short; a longer block that mentions a photo is text about the photo.</summary>
    private const int MaxCreditWords = 25;

    private const int MaxShareWords = 12;

    public void Run(ExtractionContext context)
    {
        var preview = context.Blocks.Where(b => b.Role == BlockRole.Candidate).ToList();
        if (preview.Count == 0)
        {
            return;
        }

        var lastProse = preview.FindLastIndex(b => b.Type is BlockType.Paragraph or BlockType.Quote && b.WordCount >= ProseWords);
        for (var i = 0; i < preview.Count; i++)
        {
            var block = preview[i];
            if (Verdict(block, i > lastProse) is { } reason)
            {
                block.Assign(BlockRole.Boilerplate, reason);
            }
        }

        DropOrphanHeadings(preview);
    }

    private static string? Verdict(Block block, bool afterArticle)
    {
        if (block.Type == BlockType.Heading)
        {
            return block.LinkDensity >= 0.5 ? "linked-heading" : null;
        }

        if (block.WordCount < MaxCreditWords && Credit().IsMatch(block.Text))
        {
            return "credit";
        }

        if (block.WordCount < MaxShareWords && ShareCall().IsMatch(block.Text))
        {
            return "share-call";
        }

        return afterArticle && NewsletterCall().IsMatch(block.Text) ? "newsletter-call" : null;
    }

    /// <summary>A heading followed by another heading or by nothing heads no text of the preview.</summary>
    private static void DropOrphanHeadings(List<Block> preview)
    {
        Block? next = null;
        for (var i = preview.Count - 1; i >= 0; i--)
        {
            var block = preview[i];
            if (block.Role != BlockRole.Candidate)
            {
                continue;
            }

            if (block.Type == BlockType.Heading && (next is null || next.Type == BlockType.Heading))
            {
                block.Assign(BlockRole.Boilerplate, "orphan-heading");
                continue;
            }

            next = block;
        }
    }

    [GeneratedRegex(
        @"©|\((?:foto|photo|bild|credit|quelle|source|image|fuente|crédit)s?\s*:|^(?:foto|photo|bild|credit|crédit|quelle|source|fuente|image|abbildung|titelbild|beitragsbild|fotos|photos|bildquelle|fotoquelle)(?:\s*\d+)?\s*:|(?:getty images|istock(?:\.com)?|shutterstock|imago images|picture[- ]alliance|/\s*dpa|/\s*afp|/\s*reuters)\s*\)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\b(?:teilen|share|partager|compartir|condividi|compartilhe)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareCall();

    [GeneratedRegex(@"newsletter|\babonn|\bsubscri|\bsuscr[ií]b|\binscr[ií]|\biscriv|\bsign up\b|\banmelden\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewsletterCall();
}
