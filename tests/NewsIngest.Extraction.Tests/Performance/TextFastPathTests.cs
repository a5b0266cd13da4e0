using System.Text;
using CsCheck;
using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Tests.Performance;

/// <summary>The fast text folds give exactly what the char-by-char versions gave, on text full of the awkward cases.</summary>
public sealed class TextFastPathTests
{
    // ASCII, spaces of every kind, quotes, dashes, bullets, NFKC-sensitive letters (ﬁ, Ａ, ①), Turkish İ, CJK.
    private const string Awkward = "aZ09 .-*`'\"\t\n\r\f\v\u00A0\u2007\u202F\u2003\u3000\u200B\u200C\uFEFF\u00AD\u2018\u2019\u201C\u201D\u2013\u2014\u2212•·▪●ﬁＡ①İıßΣ日本\u0301é";

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.Char[Awkward].Array[0, 80].Select(chars => new string(chars))),
        (1, Gen.String[0, 80]));

    [Fact]
    public void Normalizing_gives_the_same_text_as_the_reference_fold()
    {
        Text.Sample(text => Assert.Equal(FastPathReference.Normalize(text), TextNormalizer.Normalize(text)), iter: 5000);
    }

    // ASCII only, so the vectorised ASCII fold runs: runs of spaces and other white space, backticks, NUL, bullets.
    private const string AwkwardAscii = "aZ09 .-*`'\"\t\n\r\f\v\0\u001C\u001F  Ab";

    [Fact]
    public void Normalizing_ascii_text_gives_the_same_text_as_the_reference_fold()
    {
        var word = Gen.Char["aZ09.-*`'\"Ab"].Array[1, 12].Select(chars => new string(chars));
        var gap = Gen.OneOf(" ", " ", " ", "\n\n", "\t", " \n", "\n ");
        var ascii = Gen.Frequency(
            (1, Gen.Char[AwkwardAscii].Array[0, 300].Select(chars => new string(chars))),
            (3, Gen.Select(Gen.Char["-* \t"].Array[0, 4], Gen.Select(word, gap).Array[1, 40], Gen.OneOf("", " ", "\n"))
                .Select((lead, words, end) => new string(lead) + string.Concat(words.Select(w => w.Item1 + w.Item2)) + end)));
        ascii.Sample(text => Assert.Equal(FastPathReference.Normalize(text), TextNormalizer.Normalize(text)), iter: 10000);
    }

    [Fact]
    public void Normalizing_long_text_uses_the_pooled_buffer_and_still_agrees()
    {
        var text = string.Concat(Enumerable.Repeat("Ｔhe “Quick” — brown\u00A0fox ", 40));
        Assert.Equal(FastPathReference.Normalize(text), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Already_normal_text_comes_back_as_the_same_string()
    {
        var text = "subscribe to continue reading";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Collapsing_appends_the_same_text_as_the_reference_after_any_prefix()
    {
        Gen.Select(Text, Gen.OneOf("", "x", "x ", "x\n")).Sample((text, prefix) =>
        {
            var expected = new StringBuilder(prefix);
            FastPathReference.AppendCollapsed(expected, text);
            using var actual = new TextBuffer(1);
            foreach (var c in prefix)
            {
                actual.Append(c);
            }

            actual.AppendCollapsed(text);
            Assert.Equal(expected.ToString(), actual.ToString());
        }, iter: 5000);
    }

    [Fact]
    public void Text_reported_as_collapsed_is_left_unchanged_by_collapsing_except_for_the_trim()
    {
        Text.Sample(text =>
        {
            var collapsed = new StringBuilder();
            FastPathReference.AppendCollapsed(collapsed, text);
            Assert.Equal(collapsed.ToString() == text, TextMetrics.IsCollapsed(text));
            if (TextMetrics.IsCollapsed(text))
            {
                Assert.Equal(TextMetrics.CollapseWhitespace(text), text.Trim());
            }
        }, iter: 5000);
    }
}
