using CsCheck;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>Properties that hold for any input: extraction never throws, and repeats never change the preview.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Tags = ["div", "p", "span", "article", "section", "nav", "li", "ul", "h1", "h2", "blockquote", "a", "b", "script", "style", "table", "td", "noscript", "form", "button"];
    private static readonly string[] Attributes = ["", " class=\"paywall\"", " hidden", " style=\"display:none\"", " class=\"content\"", " aria-hidden=\"true\"", " class=\"nav\"", " id=\"cookie\""];
    private static readonly string[] Words = ["news", "Subscribe to continue reading", "•", "230 words", "To read the full story", "Close", "&amp;", "&#x0;", "<", ">", "\"", "\u00a0", "日本", "Il vous reste 5% de cet article à lire", "True", "{\"@type\":", "</", "<!--", "]]>"];

    private static readonly Gen<string> Fragment = Gen.Recursive<string>((depth, inner) =>
        depth > 5
            ? Gen.OneOf(Words)
            : Gen.Frequency(
                (3, (IGen<string>)Gen.OneOf(Words)),
                (2, Gen.Select(Gen.OneOf(Tags), Gen.OneOf(Attributes), inner.Array[0, 4], (tag, attribute, children) => $"<{tag}{attribute}>{string.Join(" ", children)}</{tag}>")),
                (1, (IGen<string>)Gen.String[0, 40])));

    [Fact]
    public void Extract_never_throws_on_generated_html()
    {
        Fragment.Array[1, 8].Select(parts => string.Concat(parts)).Sample(
            html =>
            {
                var result = ExtractionPipeline.Default.Extract(new PageInput(html));
                Assert.True(result.IsSuccess ? result.Record.Preview is not null : result.Error is { Length: > 0 });
            },
            iter: 2000);
    }

    [Fact]
    public void Extract_never_throws_on_arbitrary_strings()
    {
        Gen.String[0, 300].Sample(text =>
        {
            var result = ExtractionPipeline.Default.Extract(new PageInput(text));
            Assert.True(result.IsSuccess || result.Error is { Length: > 0 });
        }, iter: 2000);
    }

    [Fact]
    public void Whitespace_and_quote_variants_of_a_page_give_the_same_content_hash()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Bool, (spaces, curly) => (spaces, curly)).Sample(variant =>
        {
            var pad = new string(' ', variant.spaces) + (variant.spaces > 1 ? "\u00a0" : "");
            var quote = variant.curly ? "“" : "\"";
            var html = $"<article><p>{pad}The minister said {quote}enough{quote} to the crowd,{pad} and left the building quickly.</p><p>Second paragraph of the story with other words.</p></article>";
            var baseline = "<article><p>The minister said \"enough\" to the crowd, and left the building quickly.</p><p>Second paragraph of the story with other words.</p></article>";

            var a = ExtractionPipeline.Default.Extract(new PageInput(html, null, InputFormat.Html)).Record!;
            var b = ExtractionPipeline.Default.Extract(new PageInput(baseline, null, InputFormat.Html)).Record!;
            Assert.Equal(b.ContentHash, a.ContentHash);
        }, iter: 50);
    }
}
