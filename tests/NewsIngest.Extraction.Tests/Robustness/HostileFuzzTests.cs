using System.Text;
using CsCheck;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// 2,000 generated hostile pages (long word runs, attribute floods, deep nesting, NULs, undecodable bytes, broken
/// markup) through decode + extract with a 2 s Extraction:MaxPageTime: each gives a record or a one-line reason, and
/// none is given up for running past the deadline. The bound is the deadline's own outcome, not a stopwatch assertion
/// around the call.
/// </summary>
[Collection(HostileInputsCollection.Name)]
public sealed class HostileFuzzTests
{
    private static readonly ExtractionPipeline Pipeline = new ExtractionPipelineBuilder()
        .WithOptions(new ExtractionOptions { MaxPageTime = TimeSpan.FromSeconds(2) })
        .Build();

    private static readonly string[] Tags = ["div", "p", "span", "article", "section", "li", "h1", "a", "script", "style", "table", "td", "noscript", "template", "svg"];
    private static readonly string[] Words = ["The minister said", "Subscribe to continue reading", "news@example.com", "[at]", "230 words", "©", "Foto: dpa", "&amp;", "&#0;", "\0", "<", ">", "\"", "'", "\u00a0", "日本語の記事", "\uFFFD", "<!--", "]]>", "</p>", "<p", "=", "\r\n"];
    private static readonly string[] Charsets = ["utf-8", "iso-8859-1", "us-ascii", "gb2312", "shift_jis", "utf-16", "x-unknown", "windows-1251"];

    /// <summary>A long run of word characters: the shape that made a backtracking pattern quadratic.</summary>
    private static readonly Gen<string> LongToken = Gen.Select(Gen.Int[1_000, 60_000], Gen.OneOf("a", "a.b-", "x+", "1_"), (n, unit) =>
        new StringBuilder(n + unit.Length).Insert(0, unit, n / unit.Length).ToString());

    private static readonly Gen<string> AttributeFlood = Gen.Int[100, 8_000].Select(n =>
    {
        var tag = new StringBuilder("<p");
        for (var i = 0; i < n; i++)
        {
            tag.Append(" a").Append(i).Append("=\"v\"");
        }

        return tag.Append(">flooded</p>").ToString();
    });

    private static readonly Gen<string> DeepNest = Gen.Int[100, 5_000].Select(n =>
        new StringBuilder().Insert(0, "<div><span>", n).Append("deep text").ToString());

    private static readonly Gen<string> Fragment = Gen.Recursive<string>((depth, inner) =>
        depth > 4
            ? Gen.OneOf(Words)
            : Gen.Frequency(
                (6, (IGen<string>)Gen.OneOf(Words)),
                (4, Gen.Select(Gen.OneOf(Tags), inner.Array[0, 5], (tag, children) => $"<{tag}>{string.Join(" ", children)}</{tag}>")),
                (2, (IGen<string>)Gen.String[0, 60]),
                (1, LongToken),
                (1, AttributeFlood),
                (1, DeepNest)));

    private static readonly Gen<(byte[] Body, string? Charset)> Page = Gen.Select(
        Fragment.Array[1, 8],
        Gen.Int[0, 2 * Charsets.Length - 1].Select(i => i < Charsets.Length ? null : Charsets[i - Charsets.Length]),
        Gen.Byte.Array[0, 64],
        (parts, charset, noise) => ((byte[])[.. Encoding.UTF8.GetBytes("<html><body><article>" + string.Concat(parts)), .. noise], (string?)charset));

    [Fact]
    public void Two_thousand_hostile_pages_each_give_a_record_or_a_reason_and_none_runs_past_two_seconds()
    {
        var pages = 0;
        var pastDeadline = new System.Collections.Concurrent.ConcurrentBag<int>();
        Page.Sample(page =>
        {
            Interlocked.Increment(ref pages);
            var decoded = PageDecoder.Decode(page.Body, page.Charset);
            var result = Pipeline.Extract(new PageInput(decoded.Text, new Uri("https://example.com/a")));

            Assert.True(result.IsSuccess ? result.Record.Preview is not null : result.Error is { Length: > 0 } error && !error.Contains('\n'));
            if (!result.IsSuccess && result.Error!.Contains("MaxPageTime", StringComparison.Ordinal))
            {
                pastDeadline.Add(page.Body.Length);
            }
        }, iter: 2000);

        // "No page over 2 s" is the page's own deadline, not a stopwatch: a page that ran past it is a rejection with
        // the MaxPageTime reason, and there is none. The generated pages take milliseconds each, so the deadline is
        // two orders of magnitude above them and a loaded machine does not reach it.
        Assert.Equal(2000, pages);
        Assert.Empty(pastDeadline);
    }
}
