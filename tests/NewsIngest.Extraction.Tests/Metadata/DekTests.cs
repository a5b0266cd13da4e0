using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Metadata;

/// <summary>
/// The dek is the standfirst; a standfirst the page shows also opens the preview (the preview is what the reader
/// sees), once: never beside a repeat of it as the opening paragraph. A description the page does not show is dek only.
/// </summary>
public sealed class DekTests
{
    private const string Opening = "A senior prison official has said in a sworn affidavit that “anyone with sufficient determination to escape” could do so.";
    private const string Next = "The affidavit was filed in a civil case brought by a former inmate against the government earlier this year, the court record shows.";

    [Fact]
    public void A_description_that_repeats_the_opening_paragraph_with_other_quote_marks_is_not_a_dek()
    {
        var description = "A senior prison official has said in a sworn affidavit that ‘anyone with sufficient determination to escape’ could do so.";
        var html = Extract.Page($"<article><h1>Anyone could escape</h1><p>{Opening}</p><p>{Next}</p></article>",
            $"<meta name=\"description\" content=\"{description}\">");

        var record = Extract.Html(html);

        Assert.Null(record.Dek);
        Assert.Equal([Opening, Next], record.PreviewTexts());
    }

    [Fact]
    public void A_description_that_says_something_else_is_the_dek()
    {
        var html = Extract.Page($"<article><h1>Anyone could escape</h1><p>{Opening}</p><p>{Next}</p></article>",
            "<meta name=\"description\" content=\"A court filing puts the prison's security in doubt.\">");

        var record = Extract.Html(html);

        Assert.Equal("A court filing puts the prison's security in doubt.", record.Dek);
    }

    [Fact]
    public void A_standfirst_under_the_headline_is_the_dek_and_opens_the_preview()
    {
        const string Standfirst = "The prison's own security chief doubts its walls.";
        var html = Extract.Page($"<article><h1>Anyone could escape</h1><p class='standfirst'>{Standfirst}</p><p>{Opening}</p><p>{Next}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal(Standfirst, record.Dek);
        Assert.Equal([Standfirst, Opening, Next], record.PreviewTexts());
        Assert.Equal(BlockType.Paragraph, record.Preview.Blocks[0].Type);
    }

    [Fact]
    public void A_subtitle_in_an_h2_under_the_h1_opens_the_preview_as_a_paragraph()
    {
        const string Subtitle = "The prison's own security chief doubts its walls in a sworn statement";
        var html = Extract.Page($"<article><h1>Anyone could escape</h1><h2>{Subtitle}</h2><p>{Opening}</p><p>{Next}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal(Subtitle, record.Dek);
        Assert.Equal([Subtitle, Opening, Next], record.PreviewTexts());
        Assert.Equal(BlockType.Paragraph, record.Preview.Blocks[0].Type);
    }

    [Fact]
    public void A_description_the_page_does_not_show_is_the_dek_but_not_preview()
    {
        var html = Extract.Page($"<article><h1>Anyone could escape</h1><p>{Opening}</p><p>{Next}</p></article>",
            "<meta name=\"description\" content=\"A court filing puts the prison's security in doubt.\">");

        var record = Extract.Html(html);

        Assert.Equal([Opening, Next], record.PreviewTexts());
    }
}
