using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Finds classes that the page's own style sheets hide outright (<c>.body-description{display:none}</c>). Only plain
/// single-class selectors outside media queries count: a static reader cannot evaluate anything finer.
/// </summary>
internal static partial class StyleSheetScanner
{
    public static HashSet<string> HiddenClasses(IHtmlDocument document, int maxChars)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in new[] { document.Head, document.Body })
        {
            if (parent is null)
            {
                continue;
            }

            foreach (var child in parent.Children)
            {
                if (child.LocalName == "style" && DomSegmenter.TextOf(child) is { Length: > 0 } css && css.Length <= maxChars)
                {
                    Scan(css, classes);
                }
            }
        }

        return classes;
    }

    private static void Scan(string css, HashSet<string> classes)
    {
        // A rule can only hide with "none" or "hidden" in it; most sheets on news pages (fonts, layout, critical CSS
        // without hiding rules) are dismissed by this scan without running any regex over them.
        if (!css.Contains("none", StringComparison.OrdinalIgnoreCase) && !css.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var flat = AtBlock().Replace(Comment().Replace(css, ""), "");

        // ValueMatch allocates nothing per rule. A match is "selectors{declarations}" with exactly one '{' (neither
        // part may hold a brace), so the brace splits it without capture groups.
        foreach (var rule in Rule().EnumerateMatches(flat))
        {
            var text = flat.AsSpan(rule.Index, rule.Length);
            var brace = text.IndexOf('{');
            if (!ElementTraits.HidesByStyle(text[(brace + 1)..^1]))
            {
                continue;
            }

            foreach (var selector in text[..brace].ToString().Split(','))
            {
                var trimmed = selector.Trim();
                if (SingleClass().IsMatch(trimmed))
                {
                    classes.Add(trimmed[1..]);
                }
            }
        }
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // @media/@supports blocks hold one level of nested rules: drop them whole.
    [GeneratedRegex(@"@[a-z-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", RegexOptions.IgnoreCase)]
    private static partial Regex AtBlock();

    [GeneratedRegex(@"[^{}]+\{[^{}]*\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\.[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SingleClass();
}
