namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// A vocabulary of lower-case words matched against class and id attributes the way such names are built: a whole
/// token (<c>sr-only</c>) or its last part (<c>site-header__nav</c> is a <c>nav</c>) matches the exact words; its
/// first part (<c>sidebar-left</c>) matches the leading words and prefixes; any token matches by infix
/// (<c>mainpaywall_x</c> contains <c>paywall</c>). Middle parts never match: <c>mobile-sidebar-hide-s2</c> is none of
/// sidebar or hide. No allocation per lookup.
/// </summary>
internal sealed class TokenSet
{
    /// <summary>What separates tokens in an attribute value.</summary>
    public const string Separators = " \t\n\r\f";

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _leading;
    private readonly string[] _prefixes;
    private readonly string[] _infixes;
    private readonly bool _wholeTokens;

    /// <summary>Words a whole token or its last part matches.</summary>
    public IReadOnlyCollection<string> Exact => _exact.Set;

    /// <summary>Words a token's first part matches.</summary>
    public IReadOnlyCollection<string> Leading => _leading.Set;

    /// <summary>What a token's first part may start with, in the order they are tried.</summary>
    public IReadOnlyList<string> Prefixes => _prefixes;

    /// <summary>What a token may contain anywhere, in the order they are tried.</summary>
    public IReadOnlyList<string> Infixes => _infixes;

    /// <summary>Whether only whole tokens match (no parts, prefixes or infixes).</summary>
    public bool WholeTokensOnly => _wholeTokens;

    public TokenSet(
        IEnumerable<string> exact,
        IEnumerable<string>? leading = null,
        IEnumerable<string>? prefixes = null,
        IEnumerable<string>? infixes = null,
        bool wholeTokensOnly = false)
    {
        _wholeTokens = wholeTokensOnly;
        _exact = new HashSet<string>(exact, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _leading = new HashSet<string>(leading ?? [], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes?.ToArray() ?? [];
        _infixes = infixes?.ToArray() ?? [];
    }

    /// <summary>The first word of the set found in <paramref name="attribute"/> (already lower-case), or null.</summary>
    public string? FirstMatch(ReadOnlySpan<char> attribute)
    {
        foreach (var range in attribute.SplitAny(Separators))
        {
            var token = attribute[range];
            if (!token.IsEmpty && Match(token) is { } word)
            {
                return word;
            }
        }

        return null;
    }

    private string? Match(ReadOnlySpan<char> token)
    {
        if (_exact.TryGetValue(token, out var word))
        {
            return word;
        }

        if (_wholeTokens)
        {
            return null;
        }

        var first = FirstPart(token);
        var last = LastPart(token);
        if (last.Length < token.Length && _exact.TryGetValue(last, out word))
        {
            return word;
        }

        if (_leading.TryGetValue(first, out word))
        {
            return word;
        }

        foreach (var prefix in _prefixes)
        {
            if (first.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        foreach (var infix in _infixes)
        {
            if (token.Contains(infix, StringComparison.Ordinal))
            {
                return infix;
            }
        }

        return null;
    }

    /// <summary>A token's leading run of letters and digits (<c>sidebar</c> of <c>sidebar-left</c>).</summary>
    public static ReadOnlySpan<char> FirstPart(ReadOnlySpan<char> token)
    {
        var end = 0;
        while (end < token.Length && char.IsAsciiLetterOrDigit(token[end]))
        {
            end++;
        }

        return token[..end];
    }

    /// <summary>A token's trailing run of letters and digits (<c>nav</c> of <c>site-header__nav</c>).</summary>
    public static ReadOnlySpan<char> LastPart(ReadOnlySpan<char> token)
    {
        var start = token.Length;
        while (start > 0 && char.IsAsciiLetterOrDigit(token[start - 1]))
        {
            start--;
        }

        return token[start..];
    }
}
