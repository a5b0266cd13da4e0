using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Pipeline;

/// <summary>Input given without a format is read as HTML or as a text rendering, whichever it is.</summary>
public sealed class InputDetectionTests
{
    private const string Story = "The council voted on Tuesday to keep the harbour ferry running through the winter, after a petition gathered four thousand names.";

    [Fact]
    public void A_page_that_opens_with_a_long_style_sheet_is_read_as_html()
    {
        var rules = string.Concat(Enumerable.Range(0, 400).Select(i => $".box-{i} {{ opacity: 1; transition-duration: 0.4s; }}\n"));
        var page = $"<style>\n{rules}</style>\n<div class=\"page\"><article><h1>Ferry stays</h1><p>{Story}</p></article>" +
                   "<aside class=\"sidebar\"><div class=\"widget\"><h3>Subscribe To Our Newsletter</h3></div></aside></div>";

        var record = Extract.Record(new PageInput(page, null, InputFormat.Auto));

        Assert.Equal([Story], record.PreviewTexts());
    }

    [Fact]
    public void A_plain_text_rendering_is_still_read_as_text()
    {
        var text = $"POLITICS\nFerry stays\n\n{Story}\n\n• The ferry runs hourly.\n• Fares stay the same.\n";

        var record = Extract.Record(new PageInput(text, null, InputFormat.Auto));

        Assert.Contains(Story, record.PreviewTexts());
        Assert.Contains("The ferry runs hourly.", record.PreviewTexts());
    }
}
