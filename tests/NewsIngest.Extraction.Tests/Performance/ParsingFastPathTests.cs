using System.Text.Json;
using NewsIngest.Extraction.Parsing;
using NewsIngest.Extraction.StructuredData;

namespace NewsIngest.Extraction.Tests.Performance;

/// <summary>The non-throwing JSON-LD paths and the allocation-free nesting scan keep their results.</summary>
public sealed class ParsingFastPathTests
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    [Theory]
    [InlineData("<![CDATA[ {\"@type\":\"NewsArticle\"} ]]>")]
    [InlineData("<p>not json</p>")]
    [InlineData("   ")]
    public void Scripts_that_cannot_be_json_are_given_up(string script)
    {
        Assert.Null(JsonLdParser.Parse(script, Options));
    }

    [Fact]
    public void A_raw_line_break_inside_a_string_is_repaired()
    {
        using var document = JsonLdParser.Parse("{\"headline\":\"Two\nlines\"}", Options);
        Assert.Equal("Two lines", document!.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void A_line_comment_before_the_object_still_parses()
    {
        using var document = JsonLdParser.Parse("// generated\n{\"headline\":\"Kept\",}", Options);
        Assert.Equal("Kept", document!.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void Escaped_quotes_do_not_end_the_string_the_control_character_scan_follows()
    {
        using var document = JsonLdParser.Parse("{\"headline\":\"He said \\\"no\\\"\tthen left\"}", Options);
        Assert.Equal("He said \"no\" then left", document!.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void Shallow_markup_is_returned_as_is()
    {
        var html = "<html><body><div><p>text</p><br><img src=x></div></body></html>";
        Assert.Same(html, NestingLimiter.Limit(html, 16, out var flattened));
        Assert.False(flattened);
    }

    [Fact]
    public void Markup_nested_past_the_limit_is_flattened_and_keeps_its_text()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 50)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 50)) + "<p>after</p>";
        var limited = NestingLimiter.Limit(html, 16, out var flattened);
        Assert.True(flattened);
        Assert.Equal(16, CountOf(limited, "<div>"));
        Assert.Equal(16, CountOf(limited, "</div>"));
        Assert.Contains("deep text", limited, StringComparison.Ordinal);
        Assert.EndsWith("<p>after</p>", limited, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
