using System.Text;
using NewsIngest.Extraction.Parsing;
using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>Attribute floods are cut before the parser (whose duplicate check is quadratic), keeping all text.</summary>
public sealed class AttributeFloodTests
{
    [Fact]
    public void A_tag_with_130000_attributes_gives_its_record_and_says_it_was_cut()
    {
        var html = new StringBuilder("<html><body><article><h1>Budget vote</h1><p");
        for (var i = 0; i < 130_000; i++)
        {
            html.Append(" data-a").Append(i).Append("=\"x\"");
        }

        html.Append(">The minister said parliament would vote on the budget plan before the summer recess, aides said.</p></article></body></html>");

        var record = Extract.Html(html.ToString());

        Assert.Contains("summer recess", record.Preview.Text);
        Assert.Contains("input:attributes-cut-at=1024", record.Paywall.Signals);
    }

    [Fact]
    public void A_tag_within_the_limit_is_left_alone()
    {
        var html = "<p a=\"1\" b='2' c=3 d>text</p>" + new string(' ', 100);

        Assert.Same(html, AttributeLimiter.Limit(html, 4, out var cut));
        Assert.False(cut);
    }

    [Fact]
    public void Only_the_attributes_over_the_limit_are_dropped()
    {
        var limited = AttributeLimiter.Limit("<p a=\"1 > 2\" b='x' c=3 d e=\"5\">text</p> and more text here", 3, out var cut);

        Assert.True(cut);
        Assert.Equal("<p a=\"1 > 2\" b='x' c=3 >text</p> and more text here", limited);
    }

    [Fact]
    public void Script_text_is_not_read_as_tags()
    {
        var script = "<script>if (a <b " + string.Concat(Enumerable.Repeat("x ", 50)) + ") {}</script>";
        var html = script + "<p>kept</p>";

        Assert.Same(html, AttributeLimiter.Limit(html, 10, out var cut));
        Assert.False(cut);
    }
}
