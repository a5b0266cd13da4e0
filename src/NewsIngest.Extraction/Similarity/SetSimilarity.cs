namespace NewsIngest.Extraction.Similarity;

/// <summary>Exact set measures on sorted, distinct shingle arrays (a linear merge, no allocation).</summary>
public static class SetSimilarity
{
    public static int IntersectionCount(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    /// <summary>|A ∩ B| / |A ∪ B|; 1 for two empty sets.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var common = IntersectionCount(a, b);
        var union = a.Length + b.Length - common;
        return union == 0 ? 1 : (double)common / union;
    }
}
