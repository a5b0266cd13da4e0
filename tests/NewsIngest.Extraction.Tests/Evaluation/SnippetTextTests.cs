using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class SnippetTextTests
{
    [Theory]
    [InlineData("a \t\n\r  b", "a b")]
    [InlineData("  lead and trail  ", "lead and trail")]
    [InlineData("x\u001Cy\u001Dz\u001E\u001Fw", "x y z w")]
    [InlineData("no\u00A0break\u2009thin", "no break thin")]
    [InlineData("\u001F\u001C", "")]
    [InlineData("", "")]
    public void Folds_every_whitespace_run_to_one_space_and_trims(string input, string expected)
    {
        Assert.Equal(expected, SnippetText.Normalize(input));
    }

    [Fact]
    public void Null_normalizes_to_the_empty_string()
    {
        Assert.Equal("", SnippetText.Normalize(null));
    }

    [Fact]
    public void Keeps_case_and_punctuation()
    {
        Assert.Equal("Die GEMA, dreht!", SnippetText.Normalize("Die  GEMA,\ndreht!"));
    }
}
