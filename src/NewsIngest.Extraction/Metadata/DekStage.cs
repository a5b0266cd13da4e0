using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Metadata;

/// <summary>
/// Finds the standfirst just under the headline: an element the page calls a dek, standfirst or subtitle, an h2 right
/// after the h1, or a block that repeats the page's description. Its block leaves the preview; a first paragraph that
/// merely repeats it goes too, so the dek is never shown twice.
/// </summary>
internal sealed class DekStage : IExtractionStage
{
    private const int Reach = 6;

    private static readonly TokenSet Classes = new(
        ["dek", "deck", "standfirst", "subtitle", "subheadline", "sub-headline", "subhead", "summary", "lede", "lead",
         "intro", "excerpt", "strapline", "chapo", "chapeau", "vorspann", "entradilla", "sottotitolo", "occhiello",
         "bajada", "teaser-text", "article-summary", "abstract", "desc", "teaser", "chapeau", "sous-titre", "kurztext"],
        ["standfirst", "subtitle", "dek", "deck", "lede", "chapo"],
        ["standfirst", "subtitle", "subheadline", "strapline", "chapo", "vorspann", "entradilla", "sottotitolo"]);

    public void Run(ExtractionContext context)
    {
        if (context.Document is null)
        {
            FromTextLayout(context);
            return;
        }

        var blocks = context.Blocks;
        var headline = blocks.FirstOrDefault(b => b.Role == BlockRole.Headline);
        var start = headline?.Index + 1 ?? 0;
        var description = context.Facts.Description is { } d ? TextNormalizer.Normalize(d) : null;
        for (var i = start; i < Math.Min(blocks.Count, start + Reach); i++)
        {
            var block = blocks[i];
            if (!block.IsVisible || block.Role is not (BlockRole.Candidate or BlockRole.Boilerplate) || block.WordCount < 4)
            {
                continue;
            }

            if (block.Role == BlockRole.Boilerplate && block.Reason != "outside-main")
            {
                continue;
            }

            var byClass = block.Element is { } e && Classes.FirstMatch($"{e.GetAttribute("class")} {e.GetAttribute("id")}".ToLowerInvariant()) is not null;
            var subtitle = block.Type == BlockType.Heading && block.HeadingLevel == 2 && headline?.HeadingLevel == 1 && i == start && block.WordCount >= 5;
            // A description equal to the first body paragraph is that paragraph, not a dek.
            var isDescription = description is not null && (block.Role == BlockRole.Boilerplate || block.Type == BlockType.Heading)
                && block.Normalized == description;
            if ((byClass && block.WordCount <= 80) || subtitle || isDescription)
            {
                block.Assign(BlockRole.Dek, byClass ? "dek-class" : subtitle ? "dek-subtitle" : "dek-description");
                context.Dek = block.Text;
                return;
            }

            if (block.Role == BlockRole.Candidate && block.WordCount >= 25)
            {
                return; // the body has started
            }
        }
    }

    /// <summary>
    /// In a text rendering there is no markup to go by: the dek is a single short sentence right under the headline
    /// (after kicker and dateline) that a clearly longer paragraph follows.
    /// </summary>
    private static void FromTextLayout(ExtractionContext context)
    {
        var candidates = context.Blocks
            .SkipWhile(b => b.Role != BlockRole.Headline)
            .Where(b => b.Role == BlockRole.Candidate)
            .Take(2)
            .ToArray();
        if (candidates is [var first, var next] && first.Type == BlockType.Paragraph && first.WordCount is >= 5 and <= 35
            && first.Text[^1] is '.' or '?' or '!' && next.WordCount >= 25 && next.WordCount >= first.WordCount * 1.5
            && first.Index - context.Blocks.First(b => b.Role == BlockRole.Headline).Index <= 4)
        {
            first.Assign(BlockRole.Dek, "dek-text-layout");
            context.Dek = first.Text;
        }
    }
}
