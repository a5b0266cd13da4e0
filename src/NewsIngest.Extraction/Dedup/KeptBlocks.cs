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

    private readonly List<(string Text, int Shingles)> _kept = [];
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<int>> _byShingle = [];

    public int Count => _kept.Count;

    public void Add(string normalized, int words)
    {
        var index = _kept.Count;
        _exact.TryAdd(normalized, index);
        var shingles = words >= NearMinWords ? Shingles.Of(normalized) : [];
        _kept.Add((normalized, shingles.Count));
        if (normalized.Length >= PrefixChars)
        {
            Post(_byPrefix, normalized[..PrefixChars], index);
        }

        foreach (var shingle in shingles)
        {
            Post(_byShingle, shingle, index);
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

        if (normalized.Length > PrefixChars && _byPrefix.TryGetValue(normalized[..PrefixChars], out var sameStart))
        {
            foreach (var k in sameStart)
            {
                var kept = _kept[k].Text;
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
        var shingles = Shingles.Of(normalized);
        var shared = new Dictionary<int, int>();
        foreach (var shingle in shingles)
        {
            if (_byShingle.TryGetValue(shingle, out var postings))
            {
                foreach (var k in postings)
                {
                    shared[k] = shared.GetValueOrDefault(k) + 1;
                }
            }
        }

        foreach (var (k, count) in shared)
        {
            var union = shingles.Count + _kept[k].Shingles - count;
            if (union > 0 && (double)count / union >= NearThreshold)
            {
                return (k, 0);
            }
        }

        return null;
    }

    private static void Post<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count < MaxPosting)
        {
            list.Add(value);
        }
    }
}
