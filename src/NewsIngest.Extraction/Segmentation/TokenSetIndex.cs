using System.Buffers;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Several <see cref="TokenSet"/>s read in one pass: every exact and leading word of all of them in one small table,
/// so a token costs at most three lookups (the whole token, its last part, its first part) whatever the number of
/// sets, and the prefixes and infixes are only tried when the token could hold one. The answer for each set is the one
/// <see cref="TokenSet.FirstMatch"/> gives for that token alone. The table is a few hundred words, so it stays in cache
/// while a page is read.
/// </summary>
internal sealed class TokenSetIndex
{
    private readonly TokenSet[] _sets;

    /// <summary>For each word, which sets have it as an exact word and which as a leading word (one bit per set).</summary>
    private readonly Dictionary<string, (uint Exact, uint Leading)>.AlternateLookup<ReadOnlySpan<char>> _words;

    private readonly SearchValues<char> _prefixStarts;
    private readonly SearchValues<string> _infixes;

    public TokenSetIndex(params TokenSet[] sets)
    {
        if (sets.Length > 32)
        {
            throw new ArgumentException("At most 32 sets.", nameof(sets));
        }

        _sets = sets;
        var words = new Dictionary<string, (uint Exact, uint Leading)>(StringComparer.Ordinal);
        for (var i = 0; i < sets.Length; i++)
        {
            var bit = 1u << i;
            foreach (var word in sets[i].Exact)
            {
                var (exact, leading) = words.GetValueOrDefault(word);
                words[word] = (exact | bit, leading);
            }

            foreach (var word in sets[i].Leading)
            {
                var (exact, leading) = words.GetValueOrDefault(word);
                words[word] = (exact, leading | bit);
            }
        }

        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixStarts = SearchValues.Create(string.Concat(sets.SelectMany(s => s.Prefixes).Select(p => p[..1]).Distinct()));
        _infixes = SearchValues.Create(sets.SelectMany(s => s.Infixes).Distinct().ToArray(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes into <paramref name="found"/>, for each set in the order given to the constructor, the word of that set
    /// that <paramref name="token"/> (lower-case, one token) matches, or null.
    /// </summary>
    public void Match(ReadOnlySpan<char> token, Span<string?> found)
    {
        found[.._sets.Length].Clear();
        if (token.IsEmpty)
        {
            return;
        }

        var first = TokenSet.FirstPart(token);
        var last = TokenSet.LastPart(token);
        var (whole, wholeWord) = Lookup(token);
        var (lastOnly, lastWord) = last.Length < token.Length ? Lookup(last) : default;
        var (firstOnly, firstWord) = first.Length == token.Length ? (whole, wholeWord) : Lookup(first);
        var mayHavePrefix = !first.IsEmpty && _prefixStarts.Contains(first[0]);
        var mayHaveInfix = token.IndexOfAny(_infixes) >= 0;
        for (var i = 0; i < _sets.Length; i++)
        {
            var bit = 1u << i;
            var set = _sets[i];
            found[i] = (whole.Exact & bit) != 0 ? wholeWord
                : set.WholeTokensOnly ? null
                : (lastOnly.Exact & bit) != 0 ? lastWord
                : (firstOnly.Leading & bit) != 0 ? firstWord
                : (mayHavePrefix ? StartOf(first, set.Prefixes) : null) ?? (mayHaveInfix ? InfixOf(token, set.Infixes) : null);
        }
    }

    private ((uint Exact, uint Leading) Roles, string? Word) Lookup(ReadOnlySpan<char> part) =>
        _words.TryGetValue(part, out var word, out var roles) ? (roles, word) : default;

    private static string? StartOf(ReadOnlySpan<char> first, IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (first.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    private static string? InfixOf(ReadOnlySpan<char> token, IReadOnlyList<string> infixes)
    {
        foreach (var infix in infixes)
        {
            if (token.Contains(infix, StringComparison.Ordinal))
            {
                return infix;
            }
        }

        return null;
    }
}
