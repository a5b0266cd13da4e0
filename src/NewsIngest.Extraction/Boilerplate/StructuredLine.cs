using System.Text.RegularExpressions;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// A short line that is part of a structure the article carries rather than a label of the page: a table row or
/// cell (standings, prices, a comparison), a line of code, and, between paragraphs of the body, a "Label: value" fact
/// line ("Deadline: March 1", "Rating: 4.8/5"; after the body's last paragraph such a line is the page's: "Tags: …",
/// "Photos: …"). Such lines are short by nature; their length says nothing about them.
/// </summary>
internal static partial class StructuredLine
{
    /// <summary>How far up a code block or table cell may sit from the line's own element (a highlighter wraps each
    /// line twice; an editor puts a <c>&lt;p&gt;</c> in each cell).</summary>
    private const int MaxLevels = 4;

    public static bool Holds(Block block, bool beforeLastProse)
    {
        if (block.Element is not { } element)
        {
            return false;
        }

        if (element.LocalName == "tr")
        {
            return true;
        }

        for (var (e, level) = (element, 0); e is not null && level < MaxLevels; e = e.ParentElement, level++)
        {
            if (e.LocalName is "pre" or "code" or "td" or "th")
            {
                return true;
            }
        }

        return beforeLastProse && FactLine().IsMatch(block.Text);
    }

    /// <summary>
    /// A label of a few words, a colon and a value after it. Linear on the backtracking engine: anchored at the start,
    /// the label cannot take the colon, and the white space after it is taken atomically.
    /// </summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][^:]{0,30}:(?>\s+)\S", RegexOptions.None, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex FactLine();
}
