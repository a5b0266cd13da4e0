using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Pipeline;

/// <summary>
/// Settles the preview: every block still a candidate is content, and so is the standfirst the page shows under the
/// headline (the record's <c>dek</c>, as a paragraph): the preview is what the reader sees. When no visible dek was
/// found, the page's description serves as dek unless it repeats the preview's opening; it is not on the page, so it
/// is no block of the preview.
/// </summary>
internal sealed class FinishStage : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        Block? first = null;
        foreach (var block in context.Blocks)
        {
            if (block.Role == BlockRole.Candidate)
            {
                block.Assign(BlockRole.Content, "content");
                first ??= block;
            }
            else if (block.Role == BlockRole.Dek && block.IsVisible && block.Text == context.Dek)
            {
                block.Type = BlockType.Paragraph;
                block.Assign(BlockRole.Content, block.Reason ?? "dek");
                first ??= block;
            }
        }

        if (context.Dek is null && context.Facts.Description is { Length: > 0 } description)
        {
            var key = TextNormalizer.Normalize(description).TrimEnd('.', '…', ' ');
            var opening = first is null ? "" : first.Normalized;
            var headline = context.Headline is null ? "" : TextNormalizer.Normalize(context.Headline);
            if (key.Length > 0 && !OpensWith(opening, key) && key != headline
                && !context.Blocks.Any(b => b.Role == BlockRole.Content && OpensWith(b.Normalized, key)))
            {
                context.Dek = description;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> opens with <paramref name="prefix"/>, single and double quotes alike: a
    /// description often quotes with ‘…’ where the paragraph it repeats has “…”.
    /// </summary>
    private static bool OpensWith(string text, string prefix)
    {
        if (text.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (text[i] != prefix[i] && !(text[i] is '\'' or '"' && prefix[i] is '\'' or '"'))
            {
                return false;
            }
        }

        return true;
    }
}
