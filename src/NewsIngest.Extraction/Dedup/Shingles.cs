namespace NewsIngest.Extraction.Dedup;

/// <summary>Word 3-gram fingerprints of normalized text, for near-duplicate tests (Jaccard similarity).</summary>
internal static class Shingles
{
    public static HashSet<ulong> Of(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<ulong>();
        for (var i = 0; i + 3 <= words.Length; i++)
        {
            set.Add(System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(string.Join(' ', words, i, 3))));
        }

        return set;
    }

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var item in a.Count < b.Count ? a : b)
        {
            if ((a.Count < b.Count ? b : a).Contains(item))
            {
                shared++;
            }
        }

        return (double)shared / (a.Count + b.Count - shared);
    }
}
