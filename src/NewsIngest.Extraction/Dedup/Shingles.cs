using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsIngest.Extraction.Dedup;

/// <summary>Word 3-gram fingerprints of normalized text, for near-duplicate tests (Jaccard similarity).</summary>
internal static class Shingles
{
    /// <summary>Adds the fingerprints of <paramref name="normalized"/> to <paramref name="set"/> (reused by callers).</summary>
    public static void Fill(string normalized, UInt64Map<NoValue> set)
    {
        ulong a = 0, b = 0;
        var count = 0;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (word.IsEmpty)
            {
                continue;
            }

            var c = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));
            if (++count >= 3)
            {
                set.Add(Combine(a, b, c));
            }

            (a, b) = (b, c);
        }
    }

    private static ulong Combine(ulong a, ulong b, ulong c) =>
        (a * 0x9E3779B97F4A7C15UL) ^ (((b << 21) | (b >> 43)) * 0xC2B2AE3D27D4EB4FUL) ^ c;
}
