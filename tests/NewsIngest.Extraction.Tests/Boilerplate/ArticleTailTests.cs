using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>Where the article ends: "Read also" boxes inside it, comments and tags after it.</summary>
public sealed class ArticleTailTests
{
    private const string One = "Witch hazel flowers in the middle of winter, when the rest of the garden sleeps, and its thin petals smell faintly of spice.";
    private const string Two = "It wants a sheltered spot with moist soil, and it grows slowly, so patience pays off more than fertiliser ever will.";
    private const string Three = "When frost comes the petals curl up to protect themselves and open again on the next mild day, which makes the show last for weeks.";

    [Fact]
    public void A_read_also_box_inside_the_article_is_skipped_and_the_article_goes_on()
    {
        var html = Extract.Page(
            $"<article><p>{One}</p><p>{Two}</p><h3>Read also</h3><ul><li><a href='/a'>Ten shrubs for shade</a></li>" +
            $"<li><a href='/b'>Pruning in March</a></li></ul><p>{Three}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([One, Two, Three], record.PreviewTexts());
    }

    [Fact]
    public void Nothing_after_a_comments_heading_is_preview_even_long_comments()
    {
        var comment = "I planted one last autumn and it flowered in January, a lovely surprise after such a grey month, thank you for the tips.";
        var html = Extract.Page($"<article><p>{One}</p><p>{Two}</p><h3>Comments</h3><p>{comment}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([One, Two], record.PreviewTexts());
    }

    [Fact]
    public void The_article_continues_after_an_interruption_outside_its_container()
    {
        // Given a body container, an ad slot, then the last paragraphs in a container of their own
        var html = Extract.Page(
            $"<div class='layout media'><article><div class='article-body'><p>{One}</p><p>{Two}</p></div></article><div class='slot'><p>Advertisement</p></div>" +
            $"<section><div class='article-end'><p>{Three}</p></div></section><footer><p><a href='/imprint'>Imprint</a> <a href='/privacy'>Privacy</a></p></footer></div>");

        var record = Extract.Html(html);

        Assert.Equal([One, Two, Three], record.PreviewTexts());
    }

    [Fact]
    public void The_body_resumes_after_an_in_body_read_also_box_at_paragraphs_with_links_of_their_own()
    {
        const string Before1 = "The harbour authority approved the new ferry timetable on Thursday after three months of talks with the island councils.";
        const string Before2 = "From May the first boat will leave at six in the morning, an hour earlier than now, so that commuters reach the mainland early.";
        const string After = "Island shopkeepers, who had <a href='/petition'>signed a petition</a> in March, asked for a later last crossing, and the authority agreed to a trial.";
        var page = Extract.Page(
            $"<article><h1>Ferry plan</h1><div class='text'><p>{Before1}</p><p>{Before2}</p>"
            + "<h3>Read also</h3><p><a href='/a'>Winter crews for the island boats</a></p>"
            + $"<p>{After}</p></div></article>");

        var record = Extract.Html(page);

        Assert.Contains(record.PreviewTexts(), t => t.StartsWith("Island shopkeepers, who had signed a petition", StringComparison.Ordinal));
        Assert.DoesNotContain("Winter crews for the island boats", record.PreviewTexts());
    }
}
