using System.Text.Json.Nodes;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>The expected-file comparison catches what it must, so a sample test can fail for the right reason.</summary>
public sealed class JsonSubsetTests
{
    private const string Actual = """
        {"headline":"H","section":null,"paywall":{"status":"paywalled","declaredWordCount":230},
         "preview":{"blocks":[{"type":"paragraph","text":"a"},{"type":"listItem","text":"b"}],"wordCount":2}}
        """;

    [Fact]
    public void Properties_left_out_of_the_expected_file_are_not_checked()
    {
        var differences = Compare("""{"$comment":"why","paywall":{"status":"paywalled"}}""");

        Assert.Empty(differences);
    }

    [Fact]
    public void A_different_value_is_reported_with_its_path_expected_and_actual()
    {
        var differences = Compare("""{"paywall":{"declaredWordCount":604}}""");

        Assert.Equal(["$.paywall.declaredWordCount: expected 604, actual 230"], differences);
    }

    [Fact]
    public void An_expected_null_must_be_null()
    {
        Assert.Empty(Compare("""{"section":null}"""));
        Assert.Equal(["$.headline: expected null, actual \"H\""], Compare("""{"headline":null}"""));
    }

    [Fact]
    public void A_property_the_record_lacks_is_reported()
    {
        var differences = Compare("""{"dek":"A standfirst"}""");

        Assert.Equal(["$.dek: expected \"A standfirst\", actual has no such property"], differences);
    }

    [Fact]
    public void A_missing_block_is_reported_by_count_and_by_element()
    {
        var differences = Compare("""
            {"preview":{"blocks":[{"type":"paragraph","text":"a"},{"type":"listItem","text":"b"},{"type":"listItem","text":"c"}]}}
            """);

        Assert.Equal(
            [
                "$.preview.blocks: expected 3 elements, actual 2",
                "$.preview.blocks[2]: expected {\"type\":\"listItem\",\"text\":\"c\"}, actual has no such element",
            ],
            differences);
    }

    [Fact]
    public void An_extra_block_fails_even_when_every_expected_block_matches()
    {
        var differences = Compare("""{"preview":{"blocks":[{"type":"paragraph","text":"a"}]}}""");

        Assert.Equal(
            [
                "$.preview.blocks: expected 1 elements, actual 2",
                "$.preview.blocks[1]: not expected, actual {\"type\":\"listItem\",\"text\":\"b\"}",
            ],
            differences);
    }

    [Fact]
    public void Blocks_are_compared_in_order()
    {
        var differences = Compare("""
            {"preview":{"blocks":[{"type":"listItem","text":"b"},{"type":"paragraph","text":"a"}]}}
            """);

        Assert.Equal(4, differences.Count);
        Assert.StartsWith("$.preview.blocks[0].type: expected \"listItem\", actual \"paragraph\"", differences[0]);
    }

    [Fact]
    public void A_comment_inside_a_nested_object_is_ignored_too()
    {
        Assert.Empty(Compare("""{"paywall":{"$comment":"the counter","declaredWordCount":230}}"""));
    }

    private static IReadOnlyList<string> Compare(string expected) =>
        JsonSubset.Differences(JsonNode.Parse(expected), JsonNode.Parse(Actual));
}
