using CsCheck;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Tests.Segmentation;

/// <summary>
/// The word count read 32 ASCII characters at a time as bit masks is the count read a character at a time, on any text
/// made of letters, digits, apostrophes, hyphens (runs of them at chunk edges included), spaces, letters beyond ASCII
/// and CJK.
/// </summary>
public sealed class WordRunCounterTests
{
    private static readonly string[] Pieces =
        ["a", "Zo", "9", "'", "-", "--", "’", " ", "  ", ".", ",", "é", "ß", "日本", "한", "x-y", "don't", "\u00a0", "_", "@", "[", "`", "{"];

    /// <summary>Pieces of ASCII only, so that most runs of 32 characters are read as masks.</summary>
    private static readonly string[] AsciiPieces = ["a", "Zo", "9", "'", "-", "--", " ", ".", "x-y", "don't", "_", "@", "[", "`", "{", "\t"];

    [Fact]
    public void Counts_what_a_character_at_a_time_counts() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 120].Select(string.Concat).Sample(
            text => Assert.Equal(OneCharacterAtATime(text), WordRunCounter.Count(text)), iter: 20_000);

    [Fact]
    public void Counts_ASCII_text_as_a_character_at_a_time_counts() =>
        Gen.Int[0, AsciiPieces.Length - 1].Select(i => AsciiPieces[i]).Array[0, 120].Select(string.Concat).Sample(
            text => Assert.Equal(OneCharacterAtATime(text), WordRunCounter.Count(text)), iter: 20_000);

    [Theory]
    [InlineData("", 0)]
    [InlineData("well-known don't --", 2)]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcde- - - - -fgh", 2)]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdef'ghi jkl", 2)]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdef ghi jkl", 3)]
    [InlineData("日本語のテキスト", 4)]
    public void Counts_runs_across_the_chunk_edge(string text, int words) =>
        Assert.Equal(words, WordRunCounter.Count(text));

    /// <summary>The rule as <see cref="TextMetrics.CountWords"/> states it, one character at a time.</summary>
    private static int OneCharacterAtATime(string text)
    {
        int words = 0, cjk = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (TextMetrics.IsCjk(c))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || (c is '\'' or '’' or '-' && inWord))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return words + ((cjk + 1) / 2);
    }
}
