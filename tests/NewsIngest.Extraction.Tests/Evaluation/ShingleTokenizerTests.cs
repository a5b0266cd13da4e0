using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class ShingleTokenizerTests
{
    [Fact]
    public void Splits_on_punctuation_and_spaces_and_keeps_case()
    {
        Assert.Equal(["Hello", "World", "it", "s", "2024_x"], ShingleTokenizer.Tokenize("Hello, World! it's 2024_x"));
    }

    [Fact]
    public void Counts_letter_numbers_and_other_numbers_as_word_characters()
    {
        // U+216B ROMAN NUMERAL TWELVE is Nl; U+00B2 SUPERSCRIPT TWO and U+00BD VULGAR FRACTION ONE HALF are No.
        Assert.Equal(["Louis\u216B", "m\u00B2", "\u00BD"], ShingleTokenizer.Tokenize("Louis\u216B m\u00B2 \u00BD"));
    }

    [Fact]
    public void Splits_at_combining_marks_and_connector_punctuation_as_python_does()
    {
        // .NET's \w would keep U+0301 (Mn) and U+203F (Pc) inside the word; Python's \w does not.
        Assert.Equal(["cafe", "au", "a", "b"], ShingleTokenizer.Tokenize("cafe\u0301 au a\u203Fb"));
    }

    [Fact]
    public void Reads_non_latin_scripts_as_words()
    {
        Assert.Equal(["Привет", "мир", "東京"], ShingleTokenizer.Tokenize("Привет, мир — 東京."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" -- ... !")]
    public void Text_without_word_characters_has_no_token(string? text)
    {
        Assert.Empty(ShingleTokenizer.Tokenize(text));
    }
}
