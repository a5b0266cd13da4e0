using System.Globalization;
using System.Text;
using NewsIngest.Extraction.Serialization;
using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>A record's preview is bounded (<c>MaxPreviewChars</c>, <c>MaxPreviewBlocks</c>) and says when it was cut.</summary>
public sealed class PreviewCapTests
{
    [Fact]
    public void A_page_of_100000_paragraphs_gives_a_bounded_record_that_says_it_was_cut()
    {
        var html = new StringBuilder("<html><body><article><h1>A flood of paragraphs</h1>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Paragraph {i} of a page that never ends.</p>");
        }

        var record = Extract.Html(html.Append("</article></body></html>").ToString());

        // 3.9 MB before the cap; now at most 2,000 blocks and 100,000 characters of text (twice: blocks and text)
        Assert.Equal(2_000, record.Preview.Blocks.Count);
        Assert.Contains("preview:cut-at-blocks=2000", record.Paywall.Signals);
        Assert.InRange(Encoding.UTF8.GetByteCount(RecordJson.Serialize(record, indented: false)), 1, 400_000);
    }

    [Fact]
    public void A_paragraph_over_the_character_cap_is_cut_there_and_the_rest_left_out()
    {
        var endless = string.Concat(Enumerable.Repeat("and then the story went on ", 8_000)); // 216,000 characters
        var record = Extract.Html(Extract.Page($"<article><p>A short first paragraph of ordinary prose.</p><p>{endless}</p><p>Never reached.</p></article>"));

        Assert.Equal(100_000, record.Preview.Blocks.Sum(b => b.Text.Length));
        Assert.Equal(2, record.Preview.Blocks.Count);
        Assert.Contains("preview:cut-at-chars=100000", record.Paywall.Signals);
    }

    [Fact]
    public void The_caps_are_options_and_a_preview_within_them_has_no_signal()
    {
        var pipeline = new ExtractionPipelineBuilder().WithOptions(new ExtractionOptions { MaxPreviewBlocks = 2 }).Build();
        var page = Extract.Page("<article><p>First paragraph of the story, with words.</p><p>Second paragraph of the story, with words.</p><p>Third paragraph of the story, with words.</p></article>");

        var cut = pipeline.Extract(new PageInput(page)).Record!;
        var whole = Extract.Record(new PageInput(page));

        Assert.Equal(["First paragraph of the story, with words.", "Second paragraph of the story, with words."], cut.PreviewTexts());
        Assert.Contains("preview:cut-at-blocks=2", cut.Paywall.Signals);
        Assert.Equal(3, whole.Preview.Blocks.Count);
        Assert.DoesNotContain(whole.Paywall.Signals, s => s.StartsWith("preview:", StringComparison.Ordinal));
        Assert.NotEqual(whole.ContentHash, cut.ContentHash); // the hash is of what the record holds
    }
}
