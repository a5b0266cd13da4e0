using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>What survives the body locator but is not article text: credits, headings over nothing, calls to act.</summary>
public sealed class LeftoverTests
{
    private const string First = "The city council approved the new tram line on Tuesday after a debate that lasted well into the night, with a clear majority in favour.";
    private const string Last = "Construction is due to start next spring, and the first trams should run along the river in about three years, the mayor said.";

    [Theory]
    [InlineData("Foto: Jana Beispiel / dpa")]
    [InlineData("The mayor at the opening. © Example Press")]
    [InlineData("Crowds on the bridge. (Photo: Example Agency)")]
    [InlineData("The old depot seen from the river, Getty Images")]
    public void Photo_credits_and_captions_are_not_preview(string credit)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{credit}</p><p>{Last}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_heading_with_nothing_under_it_is_dropped_but_a_heading_over_text_stays()
    {
        var html = Extract.Page(
            $"<article><p>{First}</p><h2>What happens next</h2><p>{Last}</p><h3>What do you think?</h3></article>");

        var record = Extract.Html(html);

        Assert.Equal([First, "What happens next", Last], record.PreviewTexts());
    }

    [Fact]
    public void Teaser_titles_that_link_to_other_stories_are_not_preview()
    {
        var html = Extract.Page(
            $"<article><p>{First}</p><p>{Last}</p><h3><a href='/other-story'>Bus drivers strike for a third day</a></h3>" +
            "<p>Services are expected to return to normal on Monday after weeks of talks, unions said in a statement.</p></article>");

        var record = Extract.Html(html);

        Assert.DoesNotContain("Bus drivers strike", record.Preview.Text);
    }

    [Theory]
    [InlineData("Subscribe to our newsletter and never miss a story from the city.")]
    [InlineData("Abonniere unseren Newsletter und erfahre alles Wissenswerte.")]
    [InlineData("Like it? Share it!")]
    public void Share_and_newsletter_calls_after_the_article_are_not_preview(string call)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{call}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_sentence_that_mentions_a_newsletter_inside_the_article_stays()
    {
        var mention = "The council also promised to publish a weekly newsletter about the works, so that residents along the route can plan ahead.";
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{mention}</p><p>{Last}</p></article>"));

        Assert.Equal([First, mention, Last], record.PreviewTexts());
    }

    [Theory]
    [InlineData("This post contains references to products from our advertisers. We may receive compensation.")]
    [InlineData("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.")]
    public void Affiliate_and_advertising_disclosures_are_not_preview(string disclosure)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{disclosure}</p><p>{First}</p><p>{Last}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_label_whose_list_was_removed_is_dropped_but_a_label_over_text_stays()
    {
        var html = Extract.Page(
            $"<article><p>{First}</p><p>The plan in short:</p><p>{Last}</p><p>Further information:</p>" +
            "<ul class='links'><li><a href='/a'>Tram plan (PDF)</a></li><li><a href='/b'>Route map</a></li></ul></article>");

        var record = Extract.Html(html);

        Assert.Equal([First, "The plan in short:", Last], record.PreviewTexts());
    }

    [Theory]
    [InlineData("If you enjoyed reading this post, would you consider supporting our work? Just click here. Thanks!")]
    [InlineData("Disclaimer: the responses below are not provided or commissioned by any advertiser.")]
    [InlineData("The Example Clinic does not offer medical advice, services or treatments; please see your own doctor.")]
    public void Support_appeals_and_disclaimers_after_the_article_are_not_preview(string notice)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{notice}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_read_also_line_linking_another_story_inside_the_body_is_not_preview()
    {
        var html = Extract.Page(
            $"<article><p>{First}</p><p>READ ALSO: <a href='/other'>Ferry prices to rise again in spring</a></p><p>{Last}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_long_social_call_after_the_article_is_end_matter_not_the_end_of_the_article()
    {
        const string Call = "Follow The Example Times on Twitter and Instagram @ExampleTimes and on Facebook @ExampleTimes. " +
            "Send us a message on WhatsApp at any time of the day or night with your news tips.";

        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{Call}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_last_paragraph_of_the_story_that_mentions_subscribers_and_twitter_stays()
    {
        const string Ending = "The streaming service now counts more than two million subscribers in the region, and its chief executive " +
            "told investors on Twitter that she expects the number to double by the end of next year, helped by a cheaper plan with advertising.";

        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{Ending}</p></article>"));

        Assert.Equal([First, Last, Ending], record.PreviewTexts());
    }

    [Theory]
    [InlineData("Jane Example is a senior editor at the Example Times and writes about cities, transport and housing.")]
    [InlineData("Hallo, ich bin Foodbloggerin, Backbuchautorin und Journalistin, und hier teile ich meine liebsten Rezepte.")]
    public void An_author_box_after_the_article_is_not_preview(string bio)
    {
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{bio}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_closing_sentence_about_photographers_is_not_taken_for_an_author_box()
    {
        const string Ending = "Sicherlich gibt es viele Fotografen, die sich mit diesem Bild vom Jagen gut identifizieren können, und das ist auch in Ordnung so.";

        var record = Extract.Html(Extract.Page($"<article><p>{First}</p><p>{Last}</p><p>{Ending}</p></article>"));

        Assert.Contains(Ending, record.PreviewTexts());
    }
}
