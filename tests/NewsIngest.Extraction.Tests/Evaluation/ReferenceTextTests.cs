using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class ReferenceTextTests
{
    [Fact]
    public void Keeps_words_of_adjacent_paragraphs_apart()
    {
        var text = ReferenceText.FromHtml("<div><p>alpha</p><p>beta</p><ul><li>one</li><li>two</li></ul>three<br>four</div>");

        Assert.Equal(["alpha", "beta", "one", "two", "three", "four"], ShingleTokenizer.Tokenize(text));
    }

    [Fact]
    public void Does_not_split_words_at_inline_markup()
    {
        var text = ReferenceText.FromHtml("<p>al<b>pha</b> <a href='x'>be</a><em>ta</em></p>");

        Assert.Equal(["alpha", "beta"], ShingleTokenizer.Tokenize(text));
    }

    [Fact]
    public void Leaves_out_scripts_and_styles()
    {
        var text = ReferenceText.FromHtml("<p>kept</p><script>var dropped = 1;</script><style>p { x: y }</style>");

        Assert.Equal(["kept"], ShingleTokenizer.Tokenize(text));
    }

    [Fact]
    public void Decodes_entities()
    {
        Assert.Equal("Fish & chips — 5 €", ReferenceText.FromHtml("<p>Fish &amp; chips &mdash; 5&nbsp;&euro;</p>").Replace('\u00A0', ' '));
    }
}
