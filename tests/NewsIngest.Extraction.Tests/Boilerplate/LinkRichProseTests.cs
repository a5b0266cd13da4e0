using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>A sentence of the body made mostly of links is still the story; a row of links is not.</summary>
public sealed class LinkRichProseTests
{
    private const string First = "The harbour authority approved the new ferry timetable on Thursday after three months of talks with the island councils.";
    private const string Last = "Island shopkeepers had asked for a later last crossing as well, and the authority agreed to a trial of one extra evening boat on Fridays.";

    [Fact]
    public void A_body_sentence_whose_words_are_mostly_links_stays()
    {
        const string Linked = "Read the <a href='/r1'>full report on the ferry services across the islands</a>, the "
            + "<a href='/r2'>summary of the consultation responses from residents</a> and <a href='/r3'>the timetable</a>.";
        var page = Extract.Page($"<main><article><h1>Ferry plan</h1><p>{First}</p><p>{Linked}</p><p>{Last}</p></article></main>");

        var record = Extract.Html(page);

        Assert.Equal(
            [First, "Read the full report on the ferry services across the islands, the summary of the consultation responses from residents and the timetable.", Last],
            record.PreviewTexts());
    }

    [Theory]
    [InlineData("<a href='/a'>Ferry timetable 2026 (PDF)</a> <a href='/b'>Island councils</a> <a href='/c'>Harbour authority</a> <a href='/d'>Seafarers union</a> <a href='/e'>Chamber of commerce</a> <a href='/f'>Port of the north island</a>")]
    [InlineData("<a href='/other'>Bridge repairs will close the causeway between the two largest islands for a whole week in March.</a>")]
    [InlineData("<a href='/a'>Home</a>, <a href='/b'>Local news from the islands</a>, <a href='/c'>Ferries and harbours</a>, <a href='/d'>Island councils and their work</a>.")]
    public void A_row_of_links_or_a_linked_headline_in_the_body_still_goes(string links)
    {
        var page = Extract.Page($"<main><article><h1>Ferry plan</h1><p>{First}</p><p>{links}</p><p>{Last}</p></article></main>");

        var record = Extract.Html(page);

        Assert.Equal([First, Last], record.PreviewTexts());
    }
}
