using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>What stands before and after the body and is not article text: bylines and dates, comments, copyright.</summary>
public sealed class AroundTheBodyTests
{
    private static readonly string[] Paragraphs =
    [
        "The harbour authority approved the new ferry timetable on Thursday after three months of talks with the island councils.",
        "From May the first boat will leave at six in the morning, an hour earlier than now, so that commuters reach the mainland early.",
        "Island shopkeepers had asked for a later last crossing as well, and the authority agreed to a trial of one extra evening boat on Fridays.",
    ];

    private static string Body => string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"));

    [Theory]
    [InlineData("Published 12 March 2026, 10:32 · Updated 12 March 2026, 14:05")]
    [InlineData("Publié le 12 mars 2026 à 10h32, modifié le 12 mars 2026 à 14:05")]
    [InlineData("12.03.2026, 10:32 Uhr | Lesezeit: 3 Min.")]
    public void A_byline_and_a_date_line_before_the_body_are_not_preview(string dates)
    {
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1><p>By <a href='/authors/jane'>Jane Example</a></p><p>{dates}</p>{Body}</article></main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void A_sentence_of_the_story_with_a_date_and_a_time_stays()
    {
        const string Sentence = "The 10:32 boat on 12 March 2026 carried 212 passengers.";
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1>{Body}<p>{Sentence}</p></article></main>");

        var record = Extract.Html(page);

        Assert.Equal([.. Paragraphs, Sentence], record.PreviewTexts());
    }

    [Theory]
    [InlineData("3 comments")]
    [InlineData("Comments (3)")]
    [InlineData("12 Kommentare")]
    public void A_counted_comments_section_after_the_article_is_not_preview(string heading)
    {
        var comments = "<div><p><b>islander77</b> 12 March 2026 at 11:02</p><p>About time they listened to us, the early boat will make such a difference to people working in town.</p></div>"
            + "<div><p><b>marta</b> 12 March 2026 at 12:40</p><p>A trial on Fridays only is not enough, we need a late boat on Saturdays as well for the weekend.</p></div>";
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1>{Body}</article><section><h2>{heading}</h2>{comments}</section></main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void Copyright_lines_after_the_body_are_not_preview()
    {
        var page = Extract.Page(
            $"<main><article><h1>Ferry plan approved</h1>{Body}<p>© 2026 Example Island News. All rights reserved.</p>"
            + "<p>Copyright 2026 Example Media Group Ltd. This material may not be published, broadcast, rewritten or redistributed.</p></article></main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }
}
