using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Paywall;

/// <summary>Walled pages that show only a teaser, in the shapes found on held-out pages.</summary>
public sealed class TeaserWallTests
{
    private const string Lead = "The central bank kept its main rate unchanged on Thursday but signalled that a cut could come as early as June.";
    private const string Next = "Policy makers said inflation had eased faster than expected over the winter, while wages were still rising quickly.";

    private static string Ld(bool free, string? selector = null, int? words = null) =>
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Rates on hold\"," +
        $"\"isAccessibleForFree\":{(free ? "true" : "false")}" +
        (selector is null ? "" : $",\"hasPart\":{{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":false,\"cssSelector\":\"{selector}\"}}") +
        (words is null ? "" : $",\"wordCount\":{words}") + "}</script>";

    [Fact]
    public void A_server_side_teaser_flagged_not_free_with_a_gated_selector_is_paywalled_implicit()
    {
        // Given a short teaser, JSON-LD not free with a hasPart selector whose part the server left out, no wall text
        var html = Extract.Page($"<article><h1>Rates on hold</h1><div class='article-body'><p>{Lead}</p><p>{Next}</p></div></article><footer><p>© Example News</p></footer>", Ld(false, ".premium-body"));

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal("implicit", record.Paywall.Kind);
        Assert.Null(record.Paywall.Marker);
    }

    [Fact]
    public void A_page_rendered_by_script_that_leaves_only_a_caption_is_not_called_paywalled()
    {
        var html = Extract.Page(
            $"<article><h1>Rates on hold</h1><figure><img src='a.jpg'><figcaption>{Lead}</figcaption></figure></article><script>window.__STATE__={{}}</script>",
            Ld(false, ".paywalled-content"));

        Assert.NotEqual(PaywallStatus.Paywalled, Extract.Html(html).Paywall.Status);
    }

    [Fact]
    public void A_long_article_flagged_not_free_on_every_page_is_not_paywalled()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 12).Select(i => $"<p>{Lead} Paragraph {i} goes on with more of the story.</p>"));
        var html = Extract.Page($"<article><h1>Rates on hold</h1><div class='article-body'>{paragraphs}</div></article>", Ld(false, ".article-body"));

        var record = Extract.Html(html);

        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal(12, record.Preview.Blocks.Count);
    }

    [Fact]
    public void A_teaser_inside_the_premium_container_is_the_preview_of_a_hard_wall()
    {
        // Given a premium wrapper holding the teaser and, after it, the wall's prompt
        var html = Extract.Page(
            "<article><h1>Rates on hold</h1><div class='premium-article'><div class='premium-article__teaser'>" +
            $"<p>{Lead}</p><p>{Next}</p></div><div class='premium-article__wall'><h3>Subscribe to continue reading</h3>" +
            "<a class='button' href='/subscribe'>See offers</a></div></div></article>",
            Ld(false, ".premium-article"));

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal("hard", record.Paywall.Kind);
        Assert.Equal("Subscribe to continue reading", record.Paywall.Marker);
    }

    [Fact]
    public void A_teaser_inside_the_gated_part_before_its_wall_prompt_stays_the_preview()
    {
        // Given free text above the article, and a hasPart container that holds the teaser and then the wall prompt
        var html = Extract.Page(
            "<article><h1>Rates on hold</h1><p>Analysts had expected the decision for weeks, and markets barely moved.</p>" +
            $"<div class='story-locked'><p>{Lead}</p><p>{Next}</p><div class='offer'><h3>Subscribe to continue reading</h3><a href='/subscribe'>See offers</a></div></div></article>",
            Ld(false, ".story-locked"));

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts().Where(t => t is Lead or Next));
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal("Subscribe to continue reading", record.Paywall.Marker);
    }

    [Fact]
    public void A_wall_container_without_wall_text_leaves_the_marker_null_not_the_articles_first_sentence()
    {
        // Given a teaser whose wall is a vendor container with a button but no lexicon phrase
        var html = Extract.Page(
            $"<article><h1>Rates on hold</h1><p>{Lead}</p><div class='paywall'><p>{Next}</p><button>Get access</button></div></article>",
            Ld(false));

        var record = Extract.Html(html);

        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal([Lead], record.PreviewTexts());
        Assert.NotEqual(Next, record.Paywall.Marker);
        Assert.NotEqual(Lead, record.Paywall.Marker);
    }

    [Fact]
    public void A_word_counter_in_an_inline_span_beside_keep_reading_links_is_the_declared_length()
    {
        var html = Extract.Page(
            $"<article><h1>Rates on hold</h1><p>{Lead}</p><p>{Next}</p>" +
            "<div class='story-cta'><span class='count'>604 words</span> <a href='/subscribe'>Keep reading</a> <a href='/login'>Sign in</a></div></article>");

        var record = Extract.Html(html);

        Assert.Equal(604, record.Paywall.DeclaredWordCount);
        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void One_template_gets_one_verdict_whatever_the_teaser_length(int teaserParagraphs)
    {
        // Given the same walled template with teasers of different lengths
        var teaser = string.Concat(Enumerable.Range(1, teaserParagraphs).Select(i => $"<p>{Lead} Part {i} of the teaser says a little more.</p>"));
        var html = Extract.Page(
            $"<article><h1>Rates on hold</h1><div class='article-body'>{teaser}</div><div class='paywall'><button>Get access</button></div></article>",
            Ld(false, ".article-body-rest"));

        var record = Extract.Html(html);

        Assert.Equal(teaserParagraphs, record.Preview.Blocks.Count);
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
    }
}
