using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// MinHash signatures cut into LSH bands (Broder 1997; Indyk and Motwani 1998): <see cref="Bands"/> × <see cref="Rows"/>
/// hash functions; two texts whose shingle sets have Jaccard similarity J share at least one band key with
/// probability 1 − (1 − J^rows)^bands. Built once, immutable, thread-safe.
/// </summary>
public sealed class MinHashScheme
{
    private readonly ulong[] _multipliers;
    private readonly ulong[] _offsets;

    public MinHashScheme(int bands, int rows, ulong seed = 0x4D_49_4E_48_41_53_48UL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Bands = bands;
        Rows = rows;
        _multipliers = new ulong[bands * rows];
        _offsets = new ulong[bands * rows];
        var state = seed;
        for (var i = 0; i < _multipliers.Length; i++)
        {
            _multipliers[i] = SplitMix(ref state) | 1; // odd: a bijection of the 64-bit values
            _offsets[i] = SplitMix(ref state);
        }
    }

    /// <summary>The scheme records are indexed with: chosen by the measured precision and recall (README).</summary>
    public static MinHashScheme Default { get; } = new(bands: 20, rows: 1);

    public int Bands { get; }

    public int Rows { get; }

    /// <summary>The minimum of each hash function over <paramref name="shingles"/> (all ones for no shingle).</summary>
    public ulong[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new ulong[_multipliers.Length];
        signature.AsSpan().Fill(ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            // One strong mix per shingle, then a multiply-add per function: the family of (a·x + b) mod 2^64 with odd a
            // over well-mixed x ranks like independent permutations at the top bits, which is where minima differ.
            var x = Mix(shingle);
            for (var i = 0; i < signature.Length; i++)
            {
                var h = unchecked((_multipliers[i] * x) + _offsets[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>One key per band: a seeded XxHash64 of the band's rows (the band's index is the seed).</summary>
    public long[] BandKeys(ReadOnlySpan<ulong> signature)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var rows = signature.Slice(band * Rows, Rows);
            keys[band] = unchecked((long)XxHash64.HashToUInt64(MemoryMarshal.AsBytes(rows), band));
        }

        return keys;
    }

    /// <summary>The band keys of <paramref name="shingles"/>.</summary>
    public long[] BandKeys(ReadOnlySpan<uint> shingles) => BandKeys(Signature(shingles));

    /// <summary>The chance that two texts of Jaccard similarity <paramref name="jaccard"/> share a band.</summary>
    public double CandidateProbability(double jaccard) => 1 - Math.Pow(1 - Math.Pow(jaccard, Rows), Bands);

    private static ulong Mix(uint value)
    {
        var z = unchecked(value * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        var z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
