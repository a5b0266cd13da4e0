using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Some pages hide their whole body until a script runs (<c>.loading{display:none}</c>, the article only inside
/// <c>&lt;noscript&gt;</c>). When those rules would leave an open page with no visible prose at all, they are a
/// loading trick, not content kept from the reader: the blocks they hid are shown again. Pages that declare a wall
/// (<c>isAccessibleForFree: false</c>) and blocks inside wall containers keep their hiding.
/// </summary>
internal sealed class ScriptHiddenBodyStage : IExtractionStage
{
    private const int MaxVisibleProseChars = 200;
    private const int MinHiddenProseChars = 300;

    public void Run(ExtractionContext context)
    {
        if (context.Facts.IsAccessibleForFree == false)
        {
            return;
        }

        var visible = 0;
        var hidden = 0;
        foreach (var block in context.Blocks)
        {
            if (!block.IsProse)
            {
                continue;
            }

            if (block.IsVisible && block.ChromeReason is null)
            {
                visible += block.Text.Length;
            }
            else if (IsScriptHidden(block))
            {
                hidden += block.Text.Length;
            }
        }

        if (visible > MaxVisibleProseChars || hidden < MinHiddenProseChars)
        {
            return;
        }

        foreach (var block in context.Blocks)
        {
            if (IsScriptHidden(block))
            {
                block.Reveal();
            }
        }
    }

    private static bool IsScriptHidden(Block block) =>
        block.WallContainer is null && block.HiddenReason is { } reason
        && (reason == "noscript" || reason.StartsWith("css:", StringComparison.Ordinal));
}
