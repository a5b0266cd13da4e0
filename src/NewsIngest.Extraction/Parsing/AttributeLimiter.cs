using System.Text;

namespace NewsIngest.Extraction.Parsing;

/// <summary>
/// Drops the attributes of an element beyond a limit before the markup reaches the parser. The tree builder checks
/// every new attribute against the element's list for a duplicate, so one start tag with 130,000 distinct attributes
/// costs quadratic time; no real page comes near a thousand. One linear pass counts attributes per start tag (quotes
/// respected, script and style content skipped as the tokenizer does); only a page with a tag over the limit is
/// rewritten, keeping the first attributes and all text.
/// </summary>
internal static class AttributeLimiter
{
    /// <summary>The markup with no start tag holding more than <paramref name="maxAttributes"/>; else the same string.</summary>
    public static string Limit(string html, int maxAttributes, out bool cut)
    {
        cut = false;
        // Every attribute needs a name and a separator: a page shorter than that many characters cannot exceed it.
        if (html.Length < 2 * maxAttributes)
        {
            return html;
        }

        StringBuilder? output = null;
        var copied = 0;
        var at = 0;
        while ((at = NextStartTag(html, at)) >= 0)
        {
            var nameEnd = NameEnd(html, at + 1);
            var end = ScanAttributes(html, nameEnd, maxAttributes, out var keepUntil);
            if (keepUntil >= 0)
            {
                // Keep the tag up to its last allowed attribute, then close it where the original closed.
                output ??= new StringBuilder(html.Length);
                output.Append(html, copied, keepUntil - copied);
                copied = end;
                output.Append('>');
                cut = true;
            }

            at = SkipRawText(html, at + 1, nameEnd, end);
        }

        return output is null ? html : output.Append(html, copied, html.Length - copied).ToString();
    }

    private static int NextStartTag(string html, int from)
    {
        int i;
        while ((i = html.IndexOf('<', from)) >= 0 && i + 1 < html.Length)
        {
            if (char.IsAsciiLetter(html[i + 1]))
            {
                return i;
            }

            if (html.AsSpan(i + 1).StartsWith("!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return -1;
                }

                from = close + 3;
                continue;
            }

            from = i + 1;
        }

        return -1;
    }

    private static int NameEnd(string html, int i)
    {
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/'))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Reads the attributes after a tag name up to the closing '&gt;'; returns the index after it (or the end of the
    /// markup). <paramref name="keepUntil"/> is where the first attribute over the limit starts, or -1.
    /// </summary>
    private static int ScanAttributes(string html, int i, int maxAttributes, out int keepUntil)
    {
        keepUntil = -1;
        var count = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (IsSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            if (c == '>')
            {
                return i + 1;
            }

            if (++count > maxAttributes && keepUntil < 0)
            {
                keepUntil = i;
            }

            // Name: up to whitespace, '=', '/' or '>'.
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length || html[i] != '=')
            {
                continue;
            }

            i++;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] is '"' or '\'')
            {
                var close = html.IndexOf(html[i], i + 1);
                i = close < 0 ? html.Length : close + 1;
                continue;
            }

            while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
            {
                i++;
            }
        }

        return html.Length;
    }

    /// <summary>After a script, style or textarea start tag, the position of its end tag: its text holds no tags.</summary>
    private static int SkipRawText(string html, int nameStart, int nameEnd, int tagEnd)
    {
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        if (!(name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
            || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)))
        {
            return tagEnd;
        }

        var close = html.AsSpan(tagEnd).IndexOf(string.Concat("</", name), StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : tagEnd + close;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
