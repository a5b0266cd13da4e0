using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Metadata;

/// <summary>The dek is shown once: never as a repeat of the opening paragraph.</summary>
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
}
