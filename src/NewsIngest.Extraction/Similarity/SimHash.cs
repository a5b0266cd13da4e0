using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
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
    /// For each byte value, its eight bits as eight byte-wide counters of 0 or 1 (bit i in byte i): a shingle's 64 bits
    /// are counted eight at a time, with one 64-bit addition per byte instead of one step per bit. Plain integers, not
    /// vectors: the ReadyToRun image runs them as compiled, where Vector128/256 code was JIT-compiled at every start.
    /// </summary>
    private static readonly ulong[] ByteBits = CreateByteBits();

    /// <summary>A byte-wide counter holds 255 at most: the eight lanes are added to the bit counts before that.</summary>
    private const int LaneCapacity = 255;

    /// <summary>
    /// The fingerprint of <paramref name="shingles"/> (from <see cref="WordShingles.Of"/>, distinct; their order does
    /// not matter); 0 for none. A bit is set when more shingles have it set than not.
    /// </summary>
    public static ulong Of(ReadOnlySpan<uint> shingles)
    {
        var table = ByteBits;
        Span<int> ones = stackalloc int[64];
        ones.Clear();
        // lanes[k] counts bits 8k to 8k + 7 of the spread shingles, one per byte, until a byte could overflow.
        ulong lane0 = 0, lane1 = 0, lane2 = 0, lane3 = 0, lane4 = 0, lane5 = 0, lane6 = 0, lane7 = 0;
        var pending = 0;
        foreach (var shingle in shingles)
        {
            // 32 hash bits spread to 64 independent-looking ones (the SplitMix64 finalizer).
            var bits = Spread(shingle);
            lane0 += table[(byte)bits];
            lane1 += table[(byte)(bits >> 8)];
            lane2 += table[(byte)(bits >> 16)];
            lane3 += table[(byte)(bits >> 24)];
            lane4 += table[(byte)(bits >> 32)];
            lane5 += table[(byte)(bits >> 40)];
            lane6 += table[(byte)(bits >> 48)];
            lane7 += table[(byte)(bits >> 56)];
            if (++pending == LaneCapacity)
            {
                Drain(ones, lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7);
                lane0 = lane1 = lane2 = lane3 = lane4 = lane5 = lane6 = lane7 = 0;
                pending = 0;
            }
        }

        Drain(ones, lane0, lane1, lane2, lane3, lane4, lane5, lane6, lane7);
        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            // Each shingle weighs +1 where its bit is set and -1 where it is not: 2 * ones - count.
            if (2L * ones[bit] > shingles.Length)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    private static void Drain(Span<int> ones, ulong lane0, ulong lane1, ulong lane2, ulong lane3, ulong lane4, ulong lane5, ulong lane6, ulong lane7)
    {
        Add(ones[..8], lane0);
        Add(ones[8..16], lane1);
        Add(ones[16..24], lane2);
        Add(ones[24..32], lane3);
        Add(ones[32..40], lane4);
        Add(ones[40..48], lane5);
        Add(ones[48..56], lane6);
        Add(ones[56..], lane7);
    }

    private static void Add(Span<int> ones, ulong lanes)
    {
        for (var i = 0; i < 8; i++)
        {
            ones[i] += (int)((lanes >> (8 * i)) & 0xFF);
        }
    }

    private static ulong[] CreateByteBits()
    {
        var table = new ulong[256];
        for (var b = 0; b < table.Length; b++)
        {
            ulong lanes = 0;
            for (var i = 0; i < 8; i++)
            {
                lanes |= (ulong)((b >> i) & 1) << (8 * i);
            }

            table[b] = lanes;
        }

        return table;
    }

    /// <summary>The fingerprint of <paramref name="text"/>'s preview text.</summary>
    public static ulong OfText(string text) => OfFolded(TextNormalizer.Normalize(text));

    /// <summary>The fingerprint of a text already folded by <see cref="TextNormalizer.Normalize"/>.</summary>
    internal static ulong OfFolded(string folded)
    {
        var tokens = SimilarityTokens.HashFolded(folded);
        // Pooled as int, read as uint (see WordShingles.Distinct).
        var rented = ArrayPool<int>.Shared.Rent(Math.Max(WordShingles.MaxCount(tokens.Length), 1));
        var shingles = MemoryMarshal.Cast<int, uint>(rented.AsSpan());
        var count = WordShingles.Distinct(tokens, shingles);
        var fingerprint = Of(shingles[..count]);
        ArrayPool<int>.Shared.Return(rented);
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
