using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Metadata;

/// <summary>The headline comes out of the preview, and only the headline.</summary>
public sealed class HeadlineTests
{
    private const string Ld = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Battery maker expands its plant"}</script>""";
    private const string One = "The company will invest another 275 million dollars in its plant and raise its yearly output by almost half, it said on Friday.";
    private const string Two = "The plant will supply cells to the car factory next door, which builds the new electric pick-up truck from next year on.";

    [Fact]
    public void A_subheading_in_an_h1_is_not_taken_for_the_headline_when_structured_data_names_another()
    {
        var html = Extract.Page($"<article><p>{One}</p><h1>More plants on the way</h1><p>{Two}</p></article>", Ld);

        var record = Extract.Html(html);

        Assert.Equal("Battery maker expands its plant", record.Headline);
        Assert.Equal([One, "More plants on the way", Two], record.PreviewTexts());
    }

    [Fact]
    public void Subheadings_above_a_repeat_of_the_headline_further_down_stay_in_the_preview()
    {
        var html = Extract.Page(
            $"<article><p>{One}</p><h2>More plants on the way</h2><p>{Two}</p></article>" +
            "<aside><h3>Battery maker expands its plant</h3></aside>", Ld);

        var record = Extract.Html(html);

        Assert.Contains("More plants on the way", record.PreviewTexts());
    }

    [Fact]
    public void Short_labels_above_the_headline_are_not_preview()
    {
        var html = Extract.Page($"<article><p>Exclusive</p><h1>Battery maker expands its plant</h1><p>{One}</p><p>{Two}</p></article>", Ld);

        var record = Extract.Html(html);

        Assert.Equal([One, Two], record.PreviewTexts());
    }
}
