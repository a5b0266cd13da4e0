using System.Text.Json.Nodes;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// Every page in <c>samples/pages</c> gives the record its <c>.expected.json</c> describes. Set
/// <c>NEWSINGEST_UPDATE_EXPECTED=1</c> to rewrite the expected files from the current extractor and review the diff.
/// </summary>
public sealed class SamplePagesTests
{
    public static TheoryData<string> Pages => SamplePages.Names;

    public static TheoryData<string> HtmlPages => [.. SamplePages.All.Where(page => !page.IsText).Select(page => page.Name)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Sample_page_gives_the_record_its_expected_file_describes(string name)
    {
        var page = SamplePages.Get(name);
        var record = page.ExtractRecord();

        if (ExpectedRecord.UpdateRequested)
        {
            ExpectedRecord.Rewrite(page, record);
            return;
        }

        var differences = JsonSubset.Differences(ExpectedRecord.Read(page), ExpectedRecord.ToJson(record));

        Assert.True(
            differences.Count == 0,
            $"{name}: {differences.Count} field(s) differ from {Path.GetFileName(page.ExpectedPath)}:\n  "
            + string.Join("\n  ", differences));
    }

    [Fact]
    public void There_are_at_least_fifteen_sample_pages()
    {
        Assert.True(SamplePages.All.Count >= 15, $"only {SamplePages.All.Count} pages in {SamplePages.Directory}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_expected_file_says_what_it_tests_and_names_the_core_facts(string name)
    {
        var page = SamplePages.Get(name);
        Assert.True(File.Exists(page.ExpectedPath), $"{name} has no {Path.GetFileName(page.ExpectedPath)}");

        var expected = ExpectedRecord.Read(page);

        Assert.False(string.IsNullOrWhiteSpace((string?)expected[JsonSubset.CommentProperty]), "$comment is missing");
        Assert.True(expected.ContainsKey("headline"), "headline is missing");
        Assert.True(expected["paywall"]?["status"] is JsonValue, "paywall.status is missing");
        Assert.True(expected["paywall"]?.AsObject().ContainsKey("marker") == true, "paywall.marker is missing");
        Assert.True(expected["preview"]?["blocks"] is JsonArray, "preview.blocks is missing");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_expected_block_is_text_the_page_really_carries(string name)
    {
        var page = SamplePages.Get(name);
        var pageText = PageText.Of(page);
        var blocks = ExpectedRecord.Read(page)["preview"]?["blocks"]?.AsArray() ?? [];

        var missing = blocks
            .Select(block => (string?)block?["text"] ?? "")
            .Where(text => !pageText.Contains(text, StringComparison.Ordinal))
            .ToArray();

        Assert.True(missing.Length == 0, "expected blocks not found on the page: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_expected_file_belongs_to_a_page()
    {
        var expectedFiles = Directory.EnumerateFiles(SamplePages.Directory, "*" + SamplePage.ExpectedSuffix);
        var owned = SamplePages.All.Select(page => page.ExpectedPath).ToHashSet(StringComparer.Ordinal);

        var orphans = expectedFiles.Where(path => !owned.Contains(path)).Select(Path.GetFileName).ToArray();

        Assert.True(orphans.Length == 0, "expected files without a page: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public void Sample_html_pages_are_realistic_but_compact(string name)
    {
        var page = SamplePages.Get(name);

        Assert.InRange(new FileInfo(page.PagePath).Length, 2 * 1024, 12 * 1024);
        Assert.Contains("<head>", page.ReadContent(), StringComparison.OrdinalIgnoreCase);
    }
}
