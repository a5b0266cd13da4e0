using System.Globalization;
using System.Numerics;

namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// Charikar's 64-bit SimHash of a text's word 5-gram shingles (each distinct shingle weighs one): texts that share most
/// shingles have fingerprints a few bits apart, so a consumer can group records by Hamming distance without the text.
/// Shingles rather than single words: one language's common words would otherwise pull every fingerprint together
/// (measured: two unrelated generated stories 10 bits apart on words, about 32 on shingles).
/// </summary>
public static class SimHash
{
    /// <summary>The fingerprint of <paramref name="shingles"/> (from <see cref="WordShingles.Of"/>); 0 for none.</summary>
    public static ulong Of(ReadOnlySpan<uint> shingles)
    {
        Span<int> weights = stackalloc int[64];
        foreach (var shingle in shingles)
        {
            // 32 hash bits spread to 64 independent-looking ones (the SplitMix64 finalizer).
            var bits = Spread(shingle);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += (int)((bits >> bit) & 1) * 2 - 1;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>The fingerprint of <paramref name="text"/>'s preview text.</summary>
    public static ulong OfText(string text) => Of(WordShingles.Of(SimilarityTokens.Hash(text)));

    /// <summary>16 lower-case hex digits, as records carry it.</summary>
    public static string ToHex(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);

    private static ulong Spread(uint value)
    {
        var z = unchecked(value * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>How many bits two fingerprints differ in.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
