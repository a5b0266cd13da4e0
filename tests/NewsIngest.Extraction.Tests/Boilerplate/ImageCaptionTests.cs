using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>Captions outside <c>figure</c>: a short line boxed with an image is the picture's, not the story's.</summary>
public sealed class ImageCaptionTests
{
    private const string First = "The city council approved the new tram line on Tuesday after a debate that lasted well into the night, with a clear majority in favour.";
    private const string Last = "Construction is due to start next spring, and the first trams should run along the river in about three years, the mayor said.";

    [Fact]
    public void A_short_line_in_a_box_with_an_image_is_a_caption()
    {
        var box = "<div class='media'><a href='/img/1'><img src='/depot.jpg' alt=''></a><div class='sub'>The old depot by the river</div>" +
                  "<div class='by'>City archive</div></div>";
        var record = Extract.Html(Extract.Page($"<article><p>{First}</p>{box}<p>{Last}</p></article>"));

        Assert.Equal([First, Last], record.PreviewTexts());
    }

    [Fact]
    public void A_short_paragraph_of_the_story_next_to_an_image_in_the_body_stays()
    {
        var quote = "“It is a good day for the city,” she said.";
        var body = $"<article><p>{First}</p><img src='/mayor.jpg' alt=''><p>{quote}</p><p>{Last}</p></article>";

        var record = Extract.Html(Extract.Page(body));

        Assert.Equal([First, quote, Last], record.PreviewTexts());
    }

    [Fact]
    public void An_opening_paragraph_beside_the_lead_image_is_the_lead_not_a_caption()
    {
        var lead = "The tram returns to the old town after sixty years, and the first line opens in spring.";
        var html = Extract.Page($"<article><div class='top'><img src='/tram.jpg' alt=''><p>{lead}</p></div><p>{First}</p><p>{Last}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([lead, First, Last], record.PreviewTexts());
    }
}
