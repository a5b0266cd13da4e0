namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// The blocks kept so far, indexed for the three repeat tests: exact (by normalized text), longer copy (by the first
/// 40 characters) and near-duplicate (by shared word 3-grams). Posting lists are capped, so a page of thousands of
/// look-alike blocks costs linear time, not quadratic.
/// </summary>
internal sealed class KeptBlocks
{
    private const int PrefixChars = 40;
    private const int MaxPosting = 16;
    private const double NearThreshold = 0.9;
    private const int NearMinWords = 8;

    // Kept blocks' texts and shingle counts, and the postings' values and next links, in parallel lists of int and
    // string: lists of tuples were JIT-compiled at every start (the framework's image holds List<int>, not these).
    private readonly List<string> _keptText;
    private readonly List<int> _keptShingles;
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, List<int>> _byPrefix = new(PrefixComparer.Instance);

    // Posting lists of the shingle index as chains in one list: most shingles occur once, and a List<int> each would
    // be the stage's largest allocation. A chain keeps insertion order (head to tail), as a list would.
    private readonly UInt64Map<Chain> _byShingle;
    private readonly List<int> _postingValue;
    private readonly List<int> _postingNext;

    // Scratch state reused across calls: the shingles of the text last looked at (Find and then Add see the same
    // string, so its shingles are computed once) and the shared-count table of the near-duplicate test.
    private readonly UInt64Map<NoValue> _shingles = new();
    private readonly Dictionary<int, int> _shared = [];
    private string? _shinglesOf;

    /// <summary>
    /// Tables sized for at most <paramref name="blocks"/> blocks and <paramref name="words"/> words of near-duplicate
    /// candidates (a block has fewer shingles than words): they fill in one go instead of growing page by page.
    /// </summary>
    public KeptBlocks(int blocks, int words)
    {
        _keptText = new(blocks);
        _keptShingles = new(blocks);
        _exact = new(blocks, StringComparer.Ordinal);
        _byShingle = new(words);
        _postingValue = new(words);
        _postingNext = new(words);
    }

    /// <summary>How long a block must be for the near-duplicate test.</summary>
    public static int NearWords => NearMinWords;

    public int Count => _keptText.Count;

    /// <summary>How many blocks the tables were sized for.</summary>
    public int Capacity => _keptText.Capacity;

    public void Add(string normalized, int words)
    {
        var index = _keptText.Count;
        _exact.TryAdd(normalized, index);
        var shingles = words >= NearMinWords ? ShinglesOf(normalized) : null;
        _keptText.Add(normalized);
        _keptShingles.Add(shingles?.Count ?? 0);
        if (normalized.Length >= PrefixChars)
        {
            // Keyed by the text itself, compared on its first characters only: no prefix string per block.
            if (!_byPrefix.TryGetValue(normalized, out var list))
            {
                _byPrefix[normalized] = list = [];
            }

            if (list.Count < MaxPosting)
            {
                list.Add(index);
            }
        }

        if (shingles is not null)
        {
            for (var i = 0; i < shingles.Count; i++)
            {
                ref var chain = ref _byShingle.GetValueRefOrAddDefault(shingles.KeyAt(i), out var exists);
                if (!exists)
                {
                    chain = new Chain(_postingValue.Count, _postingValue.Count, 1);
                    AddPosting(index);
                }
                else if (chain.Count < MaxPosting)
                {
                    _postingNext[chain.Tail] = _postingValue.Count;
                    AddPosting(index);
                    chain = chain with { Tail = _postingValue.Count - 1, Count = chain.Count + 1 };
                }
            }
        }
    }

    /// <summary>The kept block this one repeats, and how many words it adds beyond it; null when it is new.</summary>
    public (int Index, int ExtraWords)? Find(string normalized, int words)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        if (_exact.TryGetValue(normalized, out var exact))
        {
            return (exact, 0);
        }

        if (normalized.Length > PrefixChars && _byPrefix.TryGetValue(normalized, out var sameStart))
        {
            foreach (var k in sameStart)
            {
                var kept = _keptText[k];
                if (normalized.Length > kept.Length && normalized.StartsWith(kept, StringComparison.Ordinal))
                {
                    return (k, Segmentation.TextMetrics.CountWords(normalized.AsSpan(kept.Length)));
                }
            }
        }

        return words >= NearMinWords ? FindNear(normalized) : null;
    }

    private (int, int)? FindNear(string normalized)
    {
        var shingles = ShinglesOf(normalized);
        var shared = _shared;
        shared.Clear();
        for (var i = 0; i < shingles.Count; i++)
        {
            if (_byShingle.TryGetValue(shingles.KeyAt(i), out var chain))
            {
                for (var at = chain.Head; at >= 0; at = _postingNext[at])
                {
                    var k = _postingValue[at];
                    shared.TryGetValue(k, out var count);
                    shared[k] = count + 1;
                }
            }
        }

        foreach (var (k, count) in shared)
        {
            var union = shingles.Count + _keptShingles[k] - count;
            if (union > 0 && (double)count / union >= NearThreshold)
            {
                return (k, 0);
            }
        }

        return null;
    }

    private void AddPosting(int value)
    {
        _postingValue.Add(value);
        _postingNext.Add(-1);
    }

    private UInt64Map<NoValue> ShinglesOf(string normalized)
    {
        if (!ReferenceEquals(normalized, _shinglesOf))
        {
            _shingles.Clear();
            Shingles.Fill(normalized, _shingles);
            _shinglesOf = normalized;
        }

        return _shingles;
    }

    /// <summary>One shingle's postings: first and last entry in the postings list, and how many.</summary>
    private readonly record struct Chain(int Head, int Tail, int Count);

    /// <summary>Equal when the first <see cref="PrefixChars"/> characters are (keys are never shorter).</summary>
    private sealed class PrefixComparer : IEqualityComparer<string>
    {
        public static readonly PrefixComparer Instance = new();

        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && x.AsSpan(0, PrefixChars).SequenceEqual(y.AsSpan(0, PrefixChars));

        public int GetHashCode(string text) => string.GetHashCode(text.AsSpan(0, PrefixChars));
    }
}
