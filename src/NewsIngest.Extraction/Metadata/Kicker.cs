using NewsIngest.Extraction.Boilerplate;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Metadata;

/// <summary>
/// The section label shown next to the headline ("POLITICAL RISK", "ECB"): a short capitals line, or an element the
/// page calls a kicker, eyebrow or rubric.
/// </summary>
internal static class Kicker
{
    private static readonly TokenSet Classes = new(
        ["kicker", "eyebrow", "overline", "rubric", "rubrik", "category", "section", "section-label", "topic", "label", "flag", "tag", "ressort"],
        ["kicker", "eyebrow", "overline", "rubric", "category", "section"],
        ["kicker", "eyebrow", "overline", "rubri", "categor"]);

    /// <summary>Where to look, nearest first: just after the headline, just before it, then one further each way.</summary>
    private static readonly int[] Offsets = [1, -1, 2, -2, 3];

    public static Block? Find(List<Block> blocks, int headlineIndex)
    {
        foreach (var offset in Offsets)
        {
            var index = headlineIndex + offset;
            if (index < 0 || index >= blocks.Count)
            {
                continue;
            }

            var block = blocks[index];
            if (block.IsVisible && (block.Role == BlockRole.Candidate || block.Reason is "outside-main" or "links" or "before-headline") && IsKicker(block))
            {
                return block;
            }
        }

        return null;
    }

    private static bool IsKicker(Block block)
    {
        if (block.WordCount is < 1 or > 5 || block.Text.Length > 40 || UiText.IsLabel(block) || block.Reason == "ui-label")
        {
            return false;
        }

        if (IsCapsLabel(block.Text))
        {
            return true;
        }

        var attributes = $"{block.Element?.GetAttribute("class")} {block.Element?.GetAttribute("id")}".ToLowerInvariant();
        return block.Element is not null && Classes.FirstMatch(attributes) is not null;
    }

    /// <summary>Letters all upper case, at least three of them: "POLITICAL RISK", "US", not "Close".</summary>
    public static bool IsCapsLabel(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }
}
