using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using NewsIngest.Extraction.Dedup;

namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// Charikar's 64-bit SimHash of a text's word 5-gram shingles (each distinct shingle weighs one): texts that share most
/// shingles have fingerprints a few bits apart, so a consumer can group records by Hamming distance without the text.
/// Shingles rather than single words: one language's common words would otherwise pull every fingerprint together
/// (measured: two unrelated generated stories 10 bits apart on words, about 32 on shingles).
/// </summary>
public static class SimHash
{
    /// <summary>
    /// For each byte value, a vector of its eight bits as 0 or 1, lowest first: a shingle's 64 bits are counted eight
    /// at a time, with one vector addition per byte instead of one step per bit.
    /// </summary>
    private static readonly Vector256<int>[] ByteBits = Enumerable.Range(0, 256)
        .Select(b => Vector256.Create(b & 1, (b >> 1) & 1, (b >> 2) & 1, (b >> 3) & 1, (b >> 4) & 1, (b >> 5) & 1, (b >> 6) & 1, (b >> 7) & 1))
        .ToArray();

    /// <summary>
    /// The fingerprint of <paramref name="shingles"/> (from <see cref="WordShingles.Of"/>, distinct; their order does
    /// not matter); 0 for none. A bit is set when more shingles have it set than not.
    /// </summary>
    public static ulong Of(ReadOnlySpan<uint> shingles)
    {
        Span<Vector256<int>> ones = stackalloc Vector256<int>[8];
        ones.Clear();
        foreach (var shingle in shingles)
        {
            // 32 hash bits spread to 64 independent-looking ones (the SplitMix64 finalizer).
            var bits = Spread(shingle);
            for (var i = 0; i < 8; i++)
            {
                ones[i] += ByteBits[(byte)(bits >> (8 * i))];
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            // Each shingle weighs +1 where its bit is set and -1 where it is not: 2 * ones - count.
            if (2L * ones[bit >> 3][bit & 7] > shingles.Length)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>The fingerprint of <paramref name="text"/>'s preview text.</summary>
    public static ulong OfText(string text) => OfFolded(TextNormalizer.Normalize(text));

    /// <summary>The fingerprint of a text already folded by <see cref="TextNormalizer.Normalize"/>.</summary>
    internal static ulong OfFolded(string folded)
    {
        var tokens = SimilarityTokens.HashFolded(folded);
        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(WordShingles.MaxCount(tokens.Length), 1));
        var count = WordShingles.Distinct(tokens, rented);
        var fingerprint = Of(rented.AsSpan(0, count));
        ArrayPool<uint>.Shared.Return(rented);
        return fingerprint;
    }

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
