using System.Collections.Frozen;
using System.Text;

namespace NewsIngest.Extraction.Parsing;

/// <summary>
/// Flattens markup nested deeper than a limit before it reaches the parser. The HTML tree builder checks element scope
/// by scanning the stack of open elements, so 200,000 nested &lt;div&gt;s cost quadratic time; browsers cap nesting
/// for the same reason. One linear pass measures the depth; only a page over the limit is rewritten, dropping the
/// start and end tags beyond it and keeping all text.
/// </summary>
internal static class NestingLimiter
{
    // A frozen set: the depth check looks up every start tag of every page, and its case-insensitive lookup of short
    // ASCII names is cheaper than a HashSet's.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Void = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command", "basefont", "bgsound", "frame", "!doctype",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The markup, flattened below <paramref name="maxDepth"/> when it nests deeper; else the same string.</summary>
    public static string Limit(string html, int maxDepth, out bool flattened)
    {
        // Every level opens with a '<': a page with no more of them than the limit cannot exceed it, and one
        // vectorised count settles that before any tag scan.
        flattened = html.AsSpan().Count('<') > maxDepth && MaxDepth(html, maxDepth + 1) > maxDepth;
        return flattened ? Rewrite(html, maxDepth) : html;
    }

    private static int MaxDepth(string html, int stopAt)
    {
        var depth = 0;
        var max = 0;
        var tags = new TagScanner(html);
        while (tags.Next(out var tag))
        {
            depth = Math.Max(0, depth + tag.Delta);
            max = Math.Max(max, depth);
            if (max >= stopAt)
            {
                break;
            }
        }

        return max;
    }

    private static string Rewrite(string html, int maxDepth)
    {
        var output = new StringBuilder(html.Length);
        var open = new List<(string Name, bool Kept)>();
        var kept = 0;
        var copied = 0;
        var tags = new TagScanner(html);
        while (tags.Next(out var tag))
        {
            output.Append(html, copied, tag.Start - copied);
            copied = tag.End;
            var keep = true;
            if (tag.Delta > 0)
            {
                keep = kept < maxDepth;
                open.Add((html[tag.NameStart..tag.NameEnd], keep));
                kept += keep ? 1 : 0;
            }
            else if (tag.Delta < 0)
            {
                var name = html[tag.NameStart..tag.NameEnd];
                var at = open.FindLastIndex(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    keep = open[at].Kept;
                    kept -= open.Skip(at).Count(o => o.Kept);
                    open.RemoveRange(at, open.Count - at);
                }
            }

            if (keep)
            {
                output.Append(html, tag.Start, tag.End - tag.Start);
            }
        }

        return output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>
    /// Start tags (+1), end tags (-1) and other markup (0), in order; a cheap scan, not a tokenizer. A struct that
    /// hands out positions, not substrings: the depth check runs on every page and must not allocate per tag.
    /// </summary>
    private struct TagScanner(string html)
    {
        private int _at;

        public bool Next(out Tag tag)
        {
            tag = default;
            int i;
            while ((i = html.IndexOf('<', _at)) >= 0 && i + 1 < html.Length)
            {
                var closing = html[i + 1] == '/';
                var nameStart = closing ? i + 2 : i + 1;
                if (nameStart >= html.Length || !(char.IsAsciiLetter(html[nameStart]) || html[nameStart] == '!'))
                {
                    _at = i + 1;
                    continue;
                }

                var end = html.IndexOf('>', nameStart);
                if (end < 0)
                {
                    _at = html.Length;
                    return false;
                }

                var nameEnd = nameStart;
                while (nameEnd < end && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] != '/' && html[nameEnd] != '>')
                {
                    nameEnd++;
                }

                var name = html.AsSpan(nameStart, nameEnd - nameStart);
                var selfClosing = html[end - 1] == '/';
                var delta = closing ? -1 : Void.Contains(name) || selfClosing || name.StartsWith('!') ? 0 : 1;
                tag = new Tag(i, end + 1, nameStart, nameEnd, delta);
                _at = end + 1;
                return true;
            }

            _at = html.Length;
            return false;
        }
    }

    private readonly record struct Tag(int Start, int End, int NameStart, int NameEnd, int Delta);
}
