namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// A set of lower-case words matched against class and id attributes: a whole token (<c>sr-only</c>) matches
/// exactly; its parts (<c>paywall-modal__inner</c> has <c>paywall</c>, <c>modal</c>, <c>inner</c>) match exactly or
/// by prefix; a token matches by infix (<c>mainpaywall_x</c> contains <c>paywall</c>). No allocation per lookup.
/// </summary>
internal sealed class TokenSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly string[] _prefixes;
    private readonly string[] _infixes;

    public TokenSet(IEnumerable<string> exact, IEnumerable<string>? prefixes = null, IEnumerable<string>? infixes = null)
    {
        _exact = new HashSet<string>(exact, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes?.ToArray() ?? [];
        _infixes = infixes?.ToArray() ?? [];
    }

    /// <summary>The first word of the set found in <paramref name="attribute"/> (already lower-case), or null.</summary>
    public string? FirstMatch(ReadOnlySpan<char> attribute)
    {
        foreach (var range in attribute.SplitAny(" \t\n\r\f"))
        {
            var token = attribute[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (_exact.TryGetValue(token, out var word) || MatchParts(token, out word) || MatchInfix(token, out word))
            {
                return word;
            }
        }

        return null;
    }

    private bool MatchParts(ReadOnlySpan<char> token, out string? word)
    {
        var start = -1;
        for (var i = 0; i <= token.Length; i++)
        {
            if (i < token.Length && char.IsAsciiLetterOrDigit(token[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var part = token[start..i];
                if (part.Length < token.Length && _exact.TryGetValue(part, out word))
                {
                    return true;
                }

                foreach (var prefix in _prefixes)
                {
                    if (part.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        word = prefix;
                        return true;
                    }
                }

                start = -1;
            }
        }

        word = null;
        return false;
    }

    private bool MatchInfix(ReadOnlySpan<char> token, out string? word)
    {
        foreach (var infix in _infixes)
        {
            if (token.Contains(infix, StringComparison.Ordinal))
            {
                word = infix;
                return true;
            }
        }

        word = null;
        return false;
    }
}
