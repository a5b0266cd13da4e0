namespace NewsIngest.Extraction.Text;

/// <summary>
/// Finds the label of a <c>&lt;meta ... charset=label&gt;</c> declaration: what the pattern
/// <c>&lt;meta[^&gt;]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)</c> (ignoring case) matched, read in one pass. A regex
/// engine that backtracks tries every <c>&lt;meta</c> of a tag without its <c>&gt;</c> against the rest of the text,
/// which is quadratic; a later <c>&lt;meta</c> inside the same tag sees less of that tag, so when the first one finds
/// nothing the scan moves on past the tag.
/// </summary>
internal static class MetaCharsetScanner
{
    private const string Meta = "<meta";
    private const string Charset = "charset";

    /// <summary>The declared label, or null.</summary>
    public static string? Find(string head)
    {
        var from = 0;
        while (head.IndexOf(Meta, from, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            var tagStart = at + Meta.Length;
            var close = head.IndexOf('>', tagStart);
            var tagEnd = close < 0 ? head.Length : close;
            if (InTag(head, tagStart, tagEnd) is { } label)
            {
                return label;
            }

            if (close < 0)
            {
                return null;
            }

            from = close;
        }

        return null;
    }

    // "[^>]+charset": at least one character of the tag before the word, and the last word whose value reads wins.
    private static string? InTag(string head, int tagStart, int tagEnd)
    {
        var windowEnd = tagEnd;
        while (windowEnd - (tagStart + 1) >= Charset.Length)
        {
            var found = head.AsSpan(tagStart + 1, windowEnd - (tagStart + 1)).LastIndexOf(Charset, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            var word = tagStart + 1 + found;
            if (ValueAfter(head, word + Charset.Length) is { } label)
            {
                return label;
            }

            // The word cannot overlap itself: an earlier one ends before this one's last character.
            windowEnd = word + Charset.Length - 1;
        }

        return null;
    }

    // "\s*=\s*["']?" then one or more of [A-Za-z0-9_\-:.]; a quote with no value after it is no value.
    private static string? ValueAfter(string head, int at)
    {
        at = SkipSpace(head, at);
        if (at >= head.Length || head[at] != '=')
        {
            return null;
        }

        at = SkipSpace(head, at + 1);
        if (at < head.Length && head[at] is '"' or '\'')
        {
            at++;
        }

        var end = at;
        while (end < head.Length && IsLabelChar(head[end]))
        {
            end++;
        }

        return end > at ? head[at..end] : null;
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.';
}
