using System.Buffers;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// Word 5-gram shingles: each run of five consecutive words hashed with a seeded XxHash64 and kept as its upper 32
/// bits, sorted and distinct. A text of fewer than five words is one shingle of all its words. 32 bits are enough
/// to compare texts of a few thousand shingles (a collision between two given shingles: 1 in 4·10⁹) and halve what
/// the state keeps per record.
/// </summary>
public static class WordShingles
{
    /// <summary>Words per shingle.</summary>
    public const int Size = 5;

    private const long ShingleSeed = 0x53_48_49_4E_47_4C_45;
    private const long TextSeed = 0x54_45_58_54_4B_45_59;

    /// <summary>The shingles of <paramref name="tokens"/> (from <see cref="SimilarityTokens.Hash"/>).</summary>
    public static uint[] Of(ReadOnlySpan<ulong> tokens)
    {
        if (tokens.IsEmpty)
        {
            return [];
        }

        if (tokens.Length < Size)
        {
            return [Shingle(tokens)];
        }

        var shingles = new uint[tokens.Length - Size + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = Shingle(tokens.Slice(i, Size));
        }

        Array.Sort(shingles);
        var distinct = 0;
        for (var i = 0; i < shingles.Length; i++)
        {
            if (distinct == 0 || shingles[i] != shingles[distinct - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }

        return distinct == shingles.Length ? shingles : shingles[..distinct];
    }

    /// <summary>
    /// The distinct shingles of <paramref name="tokens"/> in the order they first occur, written to
    /// <paramref name="destination"/> (at least <see cref="MaxCount"/> long): the set <see cref="Of"/> sorts, found with
    /// a small open-addressing table instead of a sort, for a consumer that needs the set but not its order.
    /// </summary>
    internal static int Distinct(ReadOnlySpan<ulong> tokens, Span<uint> destination)
    {
        if (tokens.Length < Size)
        {
            if (tokens.IsEmpty)
            {
                return 0;
            }

            destination[0] = Shingle(tokens);
            return 1;
        }

        var count = tokens.Length - Size + 1;
        // A power of two at least twice the count, so a probe run stays short; 0 marks an empty slot, so the shingle 0
        // is tracked on its own.
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)count * 2);
        // Pooled as int (the same 32 bits): ArrayPool<int> is compiled into the framework's ReadyToRun image, while
        // ArrayPool<uint> was JIT-compiled at every start (a dozen methods).
        var rented = ArrayPool<int>.Shared.Rent(slots);
        var table = rented.AsSpan(0, slots);
        table.Clear();
        var mask = slots - 1;
        var distinct = 0;
        var zeroSeen = false;
        for (var i = 0; i < count; i++)
        {
            var shingle = Shingle(tokens.Slice(i, Size));
            if (shingle == 0)
            {
                if (!zeroSeen)
                {
                    zeroSeen = true;
                    destination[distinct++] = 0;
                }

                continue;
            }

            // The shingle is the top of a hash already: its low bits index the table.
            var key = unchecked((int)shingle);
            var slot = key & mask;
            while (table[slot] != 0 && table[slot] != key)
            {
                slot = (slot + 1) & mask;
            }

            if (table[slot] == 0)
            {
                table[slot] = key;
                destination[distinct++] = shingle;
            }
        }

        ArrayPool<int>.Shared.Return(rented);
        return distinct;
    }

    /// <summary>How many shingles <paramref name="tokens"/> has at most (what <see cref="Distinct"/> can write).</summary>
    internal static int MaxCount(int tokens) => tokens < Size ? Math.Min(tokens, 1) : tokens - Size + 1;

    /// <summary>A hash of the whole word sequence: equal for texts with the same words in the same order.</summary>
    public static long TextKey(ReadOnlySpan<ulong> tokens) => unchecked((long)XxHash64.HashToUInt64(MemoryMarshal.AsBytes(tokens), TextSeed));

    private static uint Shingle(ReadOnlySpan<ulong> words) =>
        (uint)(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(words), ShingleSeed) >> 32);
}
