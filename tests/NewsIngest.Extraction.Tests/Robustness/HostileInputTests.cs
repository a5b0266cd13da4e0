using System.Diagnostics;
using System.Text;
using NewsIngest.Extraction.Tests.Support;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>Hostile pages give a record or a one-line rejection, never an exception, and finish in bounded time.</summary>
public sealed class HostileInputTests
{
    // A hang detector, not a speed test (speed is measured by the benchmarks): generous for a loaded 2-core CI box.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void Empty_input_is_rejected_with_a_reason(string content)
    {
        var result = ExtractionPipeline.Default.Extract(new PageInput(content));

        Assert.False(result.IsSuccess);
        Assert.Contains("empty", result.Error);
    }

    [Fact]
    public void Binary_garbage_is_rejected_as_not_a_page()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        var decoded = PageDecoder.Decode(bytes);

        var result = ExtractionPipeline.Default.Extract(new PageInput(decoded.Text));

        Assert.False(result.IsSuccess);
        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void Two_hundred_thousand_nested_divs_give_a_record_in_bounded_time()
    {
        const int depth = 200_000;
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", depth).Append("<p>Deep text at the bottom of the nest, long enough to be prose.</p>").Insert(html.Length, "</div>", depth);

        var record = WithinBound(() => Extract.Html(html.Append("</body></html>").ToString()));

        Assert.NotNull(record.Id);
    }

    [Fact]
    public void A_25_megabyte_page_gives_a_record_in_bounded_time()
    {
        var paragraph = "<p>Filler paragraph with enough words to look like prose, repeated many times over, number {0}.</p>";
        var html = new StringBuilder("<html><body><article>");
        for (var i = 0; html.Length < 25 * 1024 * 1024; i++)
        {
            html.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, paragraph, i);
        }

        var record = WithinBound(() => Extract.Html(html.Append("</article></body></html>").ToString()));

        Assert.True(record.Preview.WordCount > 0);
        Assert.Contains(record.Paywall.Signals, s => s.StartsWith("input:cut-at=", StringComparison.Ordinal));
    }

    [Fact]
    public void Unclosed_markup_is_read_as_a_browser_would()
    {
        var record = Extract.Html("<html><body><article><p>First paragraph that never closes, but has words enough to count<p>Second one, also unclosed, with its own words to read <div><b>bold and <i>italic");

        Assert.Contains("First paragraph", record.Preview.Text);
        Assert.Contains("Second one", record.Preview.Text);
    }

    [Fact]
    public void Text_without_markup_is_read_as_a_text_rendering()
    {
        var result = ExtractionPipeline.Default.Extract(new PageInput("A headline for a plain page\n\nA paragraph of plain text with no markup at all, which should still be read as an article body."));

        Assert.True(result.IsSuccess);
        Assert.Equal("A headline for a plain page", result.Record.Headline);
        Assert.Contains("no markup at all", result.Record.Preview.Text);
    }

    [Fact]
    public void An_unknown_charset_falls_back_to_utf8_and_says_so()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Grüße aus Köln</p></body></html>");

        var decoded = PageDecoder.Decode(bytes);

        Assert.Contains("Grüße aus Köln", decoded.Text);
        Assert.Equal("unknown-charset:x-no-such-charset", decoded.Source);
    }

    [Theory]
    [InlineData("iso-8859-1", "<meta charset=\"iso-8859-1\">")]
    [InlineData("windows-1252", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")]
    public void A_declared_legacy_charset_is_honoured(string charset, string meta)
    {
        var bytes = Encoding.GetEncoding(charset).GetBytes($"<html><head>{meta}</head><body><p>Café crème à Zürich</p></body></html>");

        Assert.Contains("Café crème à Zürich", PageDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void The_http_header_charset_wins_over_the_meta_tag()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Crème brûlée</p></body></html>");

        var decoded = PageDecoder.Decode(bytes, "iso-8859-1");

        Assert.Contains("Crème brûlée", decoded.Text);
        Assert.Equal("header", decoded.Source);
    }

    [Theory]
    [InlineData("<p>Lone high \uD800 surrogate in a paragraph of the story, which goes on.</p>")]
    [InlineData("<p>Lone low \uDC00 surrogate in a paragraph of the story, which goes on.</p>")]
    [InlineData("<p>A pair \uD83D\uDE00 and a cut one at the end of a paragraph \uD83D</p>")]
    [InlineData("<p>A noncharacter \uFFFE in a paragraph of the story, which goes on.</p>")]
    public void Unpaired_surrogates_give_a_record_not_an_exception(string paragraph)
    {
        // Found by the hostile fuzz test: bytes declared UTF-16 that are not decode to lone surrogates, and Unicode
        // normalization throws on them.
        var record = Extract.Html($"<html><body><article><h1>Budget vote</h1>{paragraph}</article></body></html>");

        Assert.Contains("paragraph", record.Preview.Text);
    }

    private static T WithinBound<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(work);
        Assert.True(task.Wait(Bound), $"extraction did not finish within {Bound.TotalSeconds} s");
        Assert.True(clock.Elapsed < Bound);
        return task.Result;
    }
}
