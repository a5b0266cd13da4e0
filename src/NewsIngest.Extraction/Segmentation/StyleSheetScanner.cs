using System.Buffers;
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

        // The sheet without comments, then without @-blocks, in pooled buffers: the same text the two regex Replace
        // calls gave, without two sheet-sized strings per page.
        var withoutComments = ArrayPool<char>.Shared.Rent(css.Length);
        var flat = ArrayPool<char>.Shared.Rent(css.Length);
        try
        {
            var length = CopyOutside(Comment().EnumerateMatches(css), css, withoutComments);
            var source = withoutComments.AsSpan(0, length);
            length = CopyOutside(AtBlock().EnumerateMatches(source), source, flat);
            ScanRules(flat.AsSpan(0, length), classes);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(flat);
            ArrayPool<char>.Shared.Return(withoutComments);
        }
    }

    /// <summary>Copies <paramref name="text"/> without the <paramref name="matches"/>; returns the length copied.</summary>
    private static int CopyOutside(Regex.ValueMatchEnumerator matches, ReadOnlySpan<char> text, Span<char> destination)
    {
        var copied = 0;
        var length = 0;
        foreach (var match in matches)
        {
            text[copied..match.Index].CopyTo(destination[length..]);
            length += match.Index - copied;
            copied = match.Index + match.Length;
        }

        text[copied..].CopyTo(destination[length..]);
        return length + text.Length - copied;
    }

    private static void ScanRules(ReadOnlySpan<char> flat, HashSet<string> classes)
    {
        // ValueMatch allocates nothing per rule. A match is "selectors{declarations}" with exactly one '{' (neither
        // part may hold a brace), so the brace splits it without capture groups.
        foreach (var rule in Rule().EnumerateMatches(flat))
        {
            var text = flat.Slice(rule.Index, rule.Length);
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
