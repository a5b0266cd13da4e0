using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Decides once per hiding element whether its hiding is real. Pages hide their article until a script runs: a
/// loading rule (<c>.loading{display:none}</c>), the article only in <c>&lt;noscript&gt;</c>, a streaming render
/// that sends a skeleton first and the article later in <c>&lt;div hidden id="S:0"&gt;</c> for a script to swap in,
/// a <c>hide</c> class on a root wrapper. Hiding an element that holds most of the page's prose is such a trick, not
/// text kept from the reader. From features measured once (prose characters per hiding element, visible prose,
/// the page's declared access), a hiding element's blocks are shown again when the page does not declare a wall,
/// the element is no wall container (unless the page declares itself free), holds at least <see cref="MinHiddenProseChars"/> of prose, and either holds at
/// least <see cref="MajorityShare"/> of all the page's prose, or is a script-time rule (noscript, the page's CSS) on a
/// page with no visible prose of its own. Blocks hidden a second time inside it stay hidden; so does
/// <c>aria-hidden</c>, which hides from screen readers, not from the eye, and marks copies (carousels, clones).
/// </summary>
internal sealed class HiddenArticleStage : IExtractionStage
{
    private const int MaxVisibleProseChars = 200;
    private const int MinHiddenProseChars = 300;
    private const double MajorityShare = 0.75;

    public void Run(ExtractionContext context)
    {
        if (context.Facts.IsAccessibleForFree == false)
        {
            return;
        }

        // A page that declares itself free has no wall to keep: a hidden container named like one is a template's
        // (a metering script that never closes on this article), and when it holds most of the prose it is the body.
        var declaredFree = context.Facts.IsAccessibleForFree == true;
        var visible = 0;
        var scriptHidden = 0;
        var groups = new Dictionary<IElement, int>();
        foreach (var block in context.Blocks)
        {
            if (!block.IsProse || block.ChromeReason is not null)
            {
                continue;
            }

            if (block.IsVisible)
            {
                visible += block.Text.Length;
            }
            else if (IsCandidate(block, declaredFree))
            {
                groups[block.HiddenElement!] = groups.GetValueOrDefault(block.HiddenElement!) + block.Text.Length;
                scriptHidden += IsScriptTime(block) ? block.Text.Length : 0;
            }
        }

        var total = visible + groups.Values.Sum();
        var loadingTrick = visible <= MaxVisibleProseChars && scriptHidden >= MinHiddenProseChars;
        var revealed = groups
            .Where(g => g.Value >= MinHiddenProseChars && g.Value >= MajorityShare * total)
            .Select(g => g.Key)
            .ToHashSet();
        if (revealed.Count == 0 && !loadingTrick)
        {
            return;
        }

        foreach (var block in context.Blocks)
        {
            if (IsCandidate(block, declaredFree) && (revealed.Contains(block.HiddenElement!) || (loadingTrick && IsScriptTime(block))))
            {
                block.Reveal();
            }
        }
    }

    private static bool IsCandidate(Block block, bool declaredFree) =>
        block.HiddenReason is { } reason && block.HiddenElement is not null && (block.WallContainer is null || declaredFree)
        && !block.HiddenAgain && reason != "[aria-hidden]";

    private static bool IsScriptTime(Block block) =>
        block.HiddenReason is { } reason && (reason == "noscript" || reason.StartsWith("css:", StringComparison.Ordinal));
}
