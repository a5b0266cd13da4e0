using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// Tells a copy from a restatement. A page that ships a region twice (a teaser and the full body, a hidden copy)
/// repeats its structure: paragraphs as paragraphs, list items as list items. A summary box restates the body in
/// another structure (bullets for paragraphs), a standfirst restates the opening, a recipe repeats a step within
/// one list, and a page may say one paragraph twice in one container: none of them is a copy, and the body's own
/// text stays.
/// </summary>
internal static class Repeats
{
    /// <summary>
    /// Lines this short that repeat inside one container are said twice on purpose ("Stir well."), unless side by side
    /// (a heading rendered twice); a longer paragraph is, either way; only paragraphs this long make a copied run.
    /// </summary>
    public const int ShortLineWords = 8;

    public static RepeatKind Judge(Block original, Block repeat, int extraWords, bool inCopiedRun)
    {
        if (original.Role == BlockRole.Dek)
        {
            return extraWords > 0 ? RepeatKind.BodyGoesOn : RepeatKind.Restatement;
        }

        if (original.Type == BlockType.ListItem && repeat.Type == BlockType.Paragraph && original.Role == BlockRole.Candidate
            && repeat.Role == BlockRole.Candidate)
        {
            return RepeatKind.BodyRestated;
        }

        // Said again in the same container, on its own: a recipe step, a paragraph the page shows twice. A run of
        // paragraphs said again in order is a copy of that part of the page, wherever it stands.
        if (extraWords == 0 && !inCopiedRun && original.Element?.ParentElement is { } parent
            && repeat.Element?.ParentElement == parent
            && (repeat.Index > original.Index + 1 || repeat.WordCount >= ShortLineWords))
        {
            return RepeatKind.Legitimate;
        }

        return RepeatKind.Copy;
    }
}
