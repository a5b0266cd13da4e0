using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using NewsIngest.Extraction.Text;

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
        // calls gave (CssCuts), without two sheet-sized strings per page.
        var withoutComments = ArrayPool<char>.Shared.Rent(css.Length);
        var flat = ArrayPool<char>.Shared.Rent(css.Length);
        try
        {
            var length = CopyOutside(css, withoutComments, CssCuts.NextComment);
            var source = withoutComments.AsSpan(0, length);
            length = CopyOutside(source, flat, CssCuts.NextAtBlock);
            ScanRules(flat.AsSpan(0, length), classes);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(flat);
            ArrayPool<char>.Shared.Return(withoutComments);
        }
    }

    /// <summary>Copies <paramref name="text"/> without the cuts <paramref name="next"/> finds; returns the length copied.</summary>
    private static int CopyOutside(ReadOnlySpan<char> text, Span<char> destination, CssCuts.Finder next)
    {
        var copied = 0;
        var length = 0;
        while (next(text, copied, out var start, out var end))
        {
            text[copied..start].CopyTo(destination[length..]);
            length += start - copied;
            copied = end;
        }

        text[copied..].CopyTo(destination[length..]);
        return length + text.Length - copied;
    }

    private static void ScanRules(ReadOnlySpan<char> flat, HashSet<string> classes)
    {
        // The rules as the regex [^{}]+\{[^{}]*\} would match them, leftmost first, found with vectorised brace
        // searches instead of a regex run per rule (sheets hold thousands): a rule is a brace-free run, a '{', a
        // brace-free run and a '}'. Where the first brace is a '}', or the second a '{', no rule starts before that
        // brace, and the search resumes just after the first one.
        var at = 0;
        while (at < flat.Length)
        {
            var start = flat[at..].IndexOfAnyExcept('{', '}');
            if (start < 0)
            {
                return;
            }

            start += at;
            var open = flat[start..].IndexOfAny('{', '}');
            if (open < 0)
            {
                return;
            }

            open += start;
            if (flat[open] == '}')
            {
                at = open + 1;
                continue;
            }

            var close = flat[(open + 1)..].IndexOfAny('{', '}');
            if (close < 0)
            {
                return;
            }

            close += open + 1;
            if (flat[close] == '{')
            {
                at = open + 1;
                continue;
            }

            at = close + 1;
            if (!ElementTraits.HidesByStyle(flat[(open + 1)..close]))
            {
                continue;
            }

            foreach (var selector in flat[start..open].ToString().Split(','))
            {
                var trimmed = selector.Trim();
                if (SingleClass().IsMatch(trimmed))
                {
                    classes.Add(trimmed[1..]);
                }
            }
        }
    }

    [GeneratedRegex(@"^\.[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.None, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex SingleClass();
}
