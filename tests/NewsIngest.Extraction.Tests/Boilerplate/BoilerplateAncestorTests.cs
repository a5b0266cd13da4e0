using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>A boilerplate verdict never removes the element that holds the article: such an element is the page.</summary>
public sealed class BoilerplateAncestorTests
{
    private static readonly string[] Paragraphs =
    [
        "The county council voted on Tuesday to reopen the old railway bridge to cyclists and walkers from next spring.",
        "Repairs to the iron deck will take most of the winter, and the contractor expects to close the towpath for six weeks.",
        "Residents of both villages had campaigned for the crossing since the last trains ran over it almost forty years ago.",
    ];

    private static string Body => string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"));

    [Theory]
    [InlineData("<div class='l-wrapper gate-ad'>{0}</div>")]
    [InlineData("<div class='page newsletter-signup-wrapper'>{0}</div>")]
    [InlineData("<div class='site social-share-enabled'>{0}</div>")]
    [InlineData("<form method='post' action='/page.aspx'>{0}</form>")]
    [InlineData("<header class='site'>{0}</header>")]
    public void A_page_wrapper_read_as_boilerplate_keeps_the_article_it_holds(string wrapper)
    {
        var inner = $"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><main><h1>The bridge reopens</h1><div><span>By A. Reporter</span></div>{Body}</main>";
        var page = Extract.Page(string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapper, inner));

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts().Where(t => Paragraphs.Contains(t)));
        Assert.DoesNotContain("Home", record.Preview.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<aside>{0}</aside>")]
    [InlineData("<section class='ad-free-layout'>{0}</section>")]
    [InlineData("<div class='print-version newsletter-enabled'><div>{0}</div></div>")]
    public void A_wrapper_read_as_boilerplate_that_holds_the_headline_and_the_body_keeps_them(string wrapper)
    {
        // Given no <main> or <article>: the wrapper's own verdict is all there is
        var inner = $"<h1>The bridge reopens</h1><div>{Body}</div>";
        var page = Extract.Page($"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>{string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapper, inner)}");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_sidebar_of_long_teasers_without_the_headline_stays_boilerplate()
    {
        const string Teaser = "The council also agreed a new timetable for the village bus, which will run every hour on Saturdays from June onwards.";
        var page = Extract.Page(
            $"<main><h1>The bridge reopens</h1>{Body}</main>"
            + $"<aside><h2>Elsewhere in the county</h2><p>{Teaser}</p><p>{Teaser} Again on Sundays.</p><p>{Teaser} And on holidays.</p></aside>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_related_box_of_teaser_articles_stays_boilerplate()
    {
        const string Teaser = "The council also agreed a new timetable for the village bus, which will run every hour on Saturdays from June onwards.";
        var page = Extract.Page(
            $"<main><article><h1>The bridge reopens</h1>{Body}</article></main>"
            + $"<div class='related'><article><h3><a href='/bus'>Village bus</a></h3><p>{Teaser}</p></article></div>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }
}
