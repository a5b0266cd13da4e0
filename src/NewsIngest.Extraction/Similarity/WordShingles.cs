using System.IO.Hashing;
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

    /// <summary>A hash of the whole word sequence: equal for texts with the same words in the same order.</summary>
    public static long TextKey(ReadOnlySpan<ulong> tokens) => unchecked((long)XxHash64.HashToUInt64(MemoryMarshal.AsBytes(tokens), TextSeed));

    private static uint Shingle(ReadOnlySpan<ulong> words) =>
        (uint)(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(words), ShingleSeed) >> 32);
}
