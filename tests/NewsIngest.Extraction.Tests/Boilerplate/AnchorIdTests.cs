using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>
/// An id made from a heading's text (a documentation generator's section anchor) says what the section is about, not
/// what part of the page it is: "sharing-with-a-single-developer" is no share bar.
/// </summary>
public sealed class AnchorIdTests
{
    private const string First = "Mercurial keeps the whole history of the project on every machine, so most work happens without a server.";
    private const string Second = "When two developers share changes, each pulls from the other and merges what arrived with what they wrote.";
    private const string Third = "A reviewer can pull the changes into a clone of their own, test them there and push them on when they pass.";

    [Fact]
    public void A_section_whose_id_is_a_slug_of_its_heading_is_article_text()
    {
        var page = Extract.Page(
            $"<div class='document'><h1>Working together</h1><p>{First}</p>"
            + $"<div class='section' id='sharing-with-a-single-developer'><h2>Sharing with a single developer</h2><p>{Second}</p></div>"
            + $"<div class='section' id='sharing-with-multiple-developers-code-review'><h2>Code review</h2><p>{Third}</p></div></div>");

        var record = Extract.Html(page);

        Assert.Equal([First, "Sharing with a single developer", Second, "Code review", Third], record.PreviewTexts());
    }

    [Fact]
    public void A_short_id_that_names_a_share_bar_is_still_chrome()
    {
        var page = Extract.Page(
            $"<article><h1>Working together</h1><p>{First}</p><p>{Second}</p><div id='sharing-bar'><p>Share on every network you use today</p></div><p>{Third}</p></article>");

        var record = Extract.Html(page);

        Assert.Equal([First, Second, Third], record.PreviewTexts());
    }
}
