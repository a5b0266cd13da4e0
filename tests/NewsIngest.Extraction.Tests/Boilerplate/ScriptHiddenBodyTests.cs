using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>A body hidden until a script runs is still the article; a body hidden behind a declared wall is not.</summary>
public sealed class ScriptHiddenBodyTests
{
    private const string Body =
        "<div class='body-wrapper'><article><p>The regional park counted more bears this spring than in any year since records began, rangers said on Monday.</p>" +
        "<p>Volunteers walked every valley twice and matched hair samples with the genetic register kept by the university in the capital.</p>" +
        "<p>The park asks visitors to keep food locked away and to stay on marked paths until the cubs leave their dens in early summer.</p></article></div>";

    private const string LoadingRule = "<style>.body-wrapper{display:none}</style>";

    [Fact]
    public void A_body_hidden_by_a_loading_rule_on_an_open_page_is_the_preview()
    {
        var record = Extract.Html(Extract.Page(Body, LoadingRule));

        Assert.Equal(3, record.Preview.Blocks.Count);
        Assert.StartsWith("The regional park counted more bears", record.Preview.Text);
    }

    [Fact]
    public void The_same_hiding_on_a_page_that_declares_a_wall_keeps_the_body_out()
    {
        const string Wall = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bears","isAccessibleForFree":false}</script>""";

        var record = Extract.Html(Extract.Page(Body, LoadingRule + Wall));

        Assert.Empty(record.Preview.Blocks);
    }

    [Fact]
    public void Hiding_that_leaves_visible_prose_is_trusted()
    {
        const string Visible = "<main><p>This short visible summary of the bear count is what every reader sees before anything else loads on the page, and it is long enough to be prose.</p>" +
            "<p>A second visible paragraph explains where the counting took place and who paid for the work of the volunteers.</p></main>";

        var record = Extract.Html(Extract.Page(Visible + Body, LoadingRule));

        Assert.DoesNotContain("regional park counted", record.Preview.Text);
    }
}
