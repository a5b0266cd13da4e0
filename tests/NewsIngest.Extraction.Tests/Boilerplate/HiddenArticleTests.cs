using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>Hiding an element that holds most of the page's prose is a rendering trick, not hiding; hiding a part is.</summary>
public sealed class HiddenArticleTests
{
    private static readonly string[] Paragraphs =
    [
        "The harbour authority approved the new ferry timetable on Thursday after three months of talks with the island councils.",
        "From May the first boat will leave at six in the morning, an hour earlier than now, so that commuters reach the mainland before eight.",
        "Island shopkeepers had asked for a later last crossing as well, and the authority agreed to a trial of one extra evening boat on Fridays.",
        "The operator said the change needs two more crews, whom it will hire over the winter from the maritime college in the port town.",
        "Fares stay as they are for residents, while visitors will pay a small surcharge in July and August to cover the summer sailings.",
    ];

    private static string Article(int from = 0, int count = 5) =>
        string.Concat(Paragraphs.Skip(from).Take(count).Select(p => $"<p>{p}</p>"));

    [Fact]
    public void A_streaming_render_segment_hidden_until_a_script_swaps_it_in_is_the_article()
    {
        // Given a skeleton first and the article later in a hidden segment that an inline script moves into place
        var page = Extract.Page(
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            + "<main><template id='B:0'></template><div class='skeleton'>Loading</div></main>"
            + $"<div hidden id='S:0'><article><h1>New ferry timetable</h1>{Article()}</article></div>"
            + "<script>$RC('B:0','S:0')</script>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_hide_class_on_a_root_wrapper_around_everything_hides_nothing()
    {
        var page = Extract.Page(
            $"<div class='hide' id='app'><header><a href='/'>Home</a></header><main><article>{Article()}</article></main>"
            + "<footer>Contact us</footer></div>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void The_rest_of_the_body_in_a_hidden_wrapper_after_a_visible_lead_is_the_article()
    {
        var page = Extract.Page($"<article><h1>New ferry timetable</h1>{Article(0, 1)}<div hidden>{Article(1, 4)}</div></article>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_hidden_part_beside_a_visible_body_stays_hidden()
    {
        const string Hidden = "This paragraph only opens when the reader presses the button below, and the page keeps it closed for everyone else.";
        var page = Extract.Page($"<article>{Article()}<div hidden><p>{Hidden}</p></div></article>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_part_hidden_again_inside_a_revealed_wrapper_stays_hidden()
    {
        const string Modal = "Create a free account to save this story and read it later on any of your devices, with no advertising at all.";
        var page = Extract.Page($"<div hidden id='S:0'><article>{Article()}<div class='hidden'><p>{Modal}</p></div></article></div>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_hidden_article_on_a_page_that_declares_a_wall_stays_hidden()
    {
        const string Wall = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry","isAccessibleForFree":false}</script>""";
        var page = Extract.Page($"<article>{Article(0, 1)}<div hidden>{Article(1, 4)}</div></article>", Wall);

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs.Take(1), record.PreviewTexts());
    }

    [Fact]
    public void A_hidden_wall_named_container_holding_the_body_of_a_page_declared_free_is_the_article()
    {
        // Given a page whose JSON-LD says it is free, a visible lead, and the rest in <div class="paywall" hidden>
        const string Free = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry","isAccessibleForFree":"True"}</script>""";
        var page = Extract.Page($"<article>{Article(0, 1)}<div class='paywall' hidden>{Article(1, 4)}</div></article>", Free);

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
        Assert.Equal(PaywallStatus.Free, record.Paywall.Status);
    }

    [Fact]
    public void A_hidden_wall_named_container_on_a_page_that_declares_nothing_stays_hidden()
    {
        var page = Extract.Page($"<article>{Article(0, 1)}<div class='paywall' hidden>{Article(1, 4)}</div></article>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs.Take(1), record.PreviewTexts());
    }
}
