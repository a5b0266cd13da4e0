using System.IO.Hashing;
using System.Runtime.InteropServices;
using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// The words of a text as 64-bit hashes, in order: folded as the content hash folds (NFKC, case, quotes, dashes),
/// then runs of letters or digits, apostrophes inside a word dropped ("don't" = "dont"), each CJK character a word of
/// its own. Punctuation and white space never count, so two renderings of one text give the same tokens.
/// </summary>
public static class SimilarityTokens
{
    /// <summary>The seed of the word hashes (any fixed value: stored shingles depend on it).</summary>
    private const ulong WordSeed = 0x4E_49_57_4F_52_44_31UL;

    private const int MaxWordChars = 64;

    public static ulong[] Hash(string text) => HashFolded(TextNormalizer.Normalize(text));

    /// <summary>The words of a text already folded by <see cref="TextNormalizer.Normalize"/>.</summary>
    internal static ulong[] HashFolded(string folded)
    {
        var tokens = new List<ulong>(folded.Length / 5);
        Span<char> word = stackalloc char[MaxWordChars];
        var length = 0;
        foreach (var c in folded)
        {
            if (c >= '\u3040' && TextMetrics.IsCjk(c))
            {
                Flush(tokens, word, ref length);
                tokens.Add(HashWord([c]));
            }
            else if (char.IsLetterOrDigit(c))
            {
                // A longer run is one word all the same: its first 64 characters stand for it.
                if (length < MaxWordChars)
                {
                    word[length++] = c;
                }
            }
            else if (c is not ('\'' or '\u2019') || length == 0)
            {
                Flush(tokens, word, ref length);
            }
        }

        Flush(tokens, word, ref length);
        return [.. tokens];
    }

    private static void Flush(List<ulong> tokens, ReadOnlySpan<char> word, ref int length)
    {
        if (length > 0)
        {
            tokens.Add(HashWord(word[..length]));
            length = 0;
        }
    }

    private static ulong HashWord(ReadOnlySpan<char> word) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(word), unchecked((long)WordSeed));
}
