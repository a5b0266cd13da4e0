using System.Text;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Percent-encoding normalisation and pattern matching for robots.txt paths (RFC 9309 §2.2.2–2.2.3):
/// rules and URL paths are compared in one canonical form, <c>*</c> matches any run of characters and a trailing
/// <c>$</c> anchors the end; otherwise a rule is a prefix.
/// </summary>
internal static class RobotsPath
{
    /// <summary>
    /// Decodes escaped unreserved characters, upper-cases the hex of the other escapes and percent-encodes
    /// non-ASCII characters as UTF-8, so <c>/%7euser</c>, <c>/~user</c> and <c>/%7Euser</c> compare equal.
    /// </summary>
    public static string Normalize(string value)
    {
        var output = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                var decoded = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (IsUnreserved(decoded))
                {
                    output.Append(decoded);
                }
                else
                {
                    output.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 2;
            }
            else if (c > 0x7F)
            {
                // A surrogate pair is one code point: encode both halves together.
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                {
                    output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    /// <summary>True when the normalized <paramref name="pattern"/> matches the start (or, with <c>$</c>, all) of <paramref name="path"/>.</summary>
    public static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();

        // Greedy wildcard matching with backtracking to the last '*': O(pattern × path) at worst.
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p == body.Length && !anchored)
            {
                return true; // a plain rule is a prefix: the rest of the path is free
            }

            if (p < body.Length && body[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < body.Length && body[p] == path[s])
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < body.Length && body[p] == '*')
        {
            p++;
        }

        return p == body.Length;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
