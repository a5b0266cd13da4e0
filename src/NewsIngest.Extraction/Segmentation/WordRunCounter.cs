using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// <see cref="TextMetrics.CountWords"/>'s count: runs of letters or digits, an apostrophe or hyphen inside a run
/// continuing it, CJK text one word per two characters. Every block's text is counted once, so runs of 32 ASCII
/// characters are read as bit masks (a bit per character: letter or digit, apostrophe or hyphen) and their word starts
/// counted at once; any other run is read a character at a time, the same rule, carrying whether a word is open.
/// </summary>
internal static class WordRunCounter
{
    private const int Chunk = 32;

    public static int Count(ReadOnlySpan<char> text)
    {
        var words = 0;
        var cjk = 0;
        var inWord = false;
        var at = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; at + Chunk <= text.Length; at += Chunk)
            {
                var chunk = text.Slice(at, Chunk);
                if (!AsciiMasks(chunk, out var letters, out var joiners))
                {
                    CountChars(chunk, ref words, ref cjk, ref inWord);
                    continue;
                }

                // A joiner is inside a word when the run of joiners it belongs to follows a letter: adding each such
                // run's first bit to the joiners carries through the run, so the bits that change are the run's.
                var open = inWord ? 1u : 0u;
                var runStarts = ((letters << 1) | open) & joiners;
                var inside = letters | (((joiners + runStarts) ^ joiners) & joiners);
                words += BitOperations.PopCount(letters & ~((inside << 1) | open));
                inWord = (inside >> (Chunk - 1)) != 0;
            }
        }

        CountChars(text[at..], ref words, ref cjk, ref inWord);
        return words + ((cjk + 1) / 2);
    }

    private static void CountChars(ReadOnlySpan<char> text, ref int words, ref int cjk, ref bool inWord)
    {
        foreach (var c in text)
        {
            // Below U+3040 no character is CJK: Latin text skips the five range tests.
            if (c >= '\u3040' && TextMetrics.IsCjk(c))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' && inWord)
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
            }
        }
    }

    /// <summary>
    /// For 32 ASCII characters, a bit per character: letters and digits (what <see cref="char.IsLetterOrDigit(char)"/>
    /// accepts in ASCII), apostrophes and hyphens. False when a character is beyond ASCII.
    /// </summary>
    private static bool AsciiMasks(ReadOnlySpan<char> chunk, out uint letters, out uint joiners)
    {
        letters = 0;
        joiners = 0;
        for (var part = 0; part < Chunk / 8; part++)
        {
            var v = Vector128.Create(MemoryMarshal.Cast<char, ushort>(chunk.Slice(part * 8, 8)));
            if ((v & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
            {
                return false;
            }

            var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
            var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var joiner = Vector128.Equals(v, Vector128.Create((ushort)'\'')) | Vector128.Equals(v, Vector128.Create((ushort)'-'));
            letters |= (letter | digit).ExtractMostSignificantBits() << (part * 8);
            joiners |= joiner.ExtractMostSignificantBits() << (part * 8);
        }

        return true;
    }
}
