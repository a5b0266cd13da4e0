using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// Facts about the seed page (MNI layout B) that matter beyond its expected file: the modal's marketing and the
/// site chrome never leak into the record, the summary is emitted once, and HTML and text renderings agree.
/// </summary>
public sealed partial class SeedPageFactsTests
{
    public static TheoryData<string> SeedRenderings => ["mni-political-risk.html", "mni-political-risk.txt"];

    [Theory]
    [MemberData(nameof(SeedRenderings))]
    public void Seed_record_holds_no_trace_of_the_modal_or_the_site_chrome(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();
        Assert.NotEmpty(record.Preview.Blocks); // an empty record has no leaks, and proves nothing
        string?[] fields = [record.Headline, record.Dek, record.Section, record.Preview.Text, .. record.Preview.Blocks.Select(b => b.Text)];

        var leaks = fields
            .Where(field => field is not null)
            .SelectMany(field => ChromeAndMarketing().Matches(field!).Select(match => $"'{match.Value}' in \"{field}\""))
            .ToArray();

        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }

    [Theory]
    [MemberData(nameof(SeedRenderings))]
    public void Seed_summary_is_emitted_once_although_the_page_carries_it_twice(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();

        Assert.Equal(1, Occurrences(record.Preview.Text, "Reuters reporting that according to five people"));
        Assert.Equal(1, Occurrences(record.Preview.Text, "A tough US stance towards China"));
        Assert.Equal(4, record.Preview.Blocks.Count);
    }

    [Fact]
    public void Html_and_text_renderings_of_the_seed_page_give_the_same_facts()
    {
        var html = SamplePages.Get("mni-political-risk.html").ExtractRecord();
        var text = SamplePages.Get("mni-political-risk.txt").ExtractRecord();
        Assert.NotEmpty(html.Preview.Blocks);

        Assert.Equal(html.Headline, text.Headline);
        Assert.Equal(html.Section, text.Section);
        Assert.Equal(html.Preview.Blocks, text.Preview.Blocks);
        Assert.Equal(html.Preview.WordCount, text.Preview.WordCount);
        Assert.Equal(html.ContentHash, text.ContentHash);
        Assert.Equal(
            (html.Paywall.Status, html.Paywall.Marker, html.Paywall.DeclaredWordCount),
            (text.Paywall.Status, text.Paywall.Marker, text.Paywall.DeclaredWordCount));
    }

    private static int Occurrences(string text, string phrase) =>
        Regex.Matches(text, Regex.Escape(phrase)).Count;

    // Case-sensitive on purpose: "closely" in the article must not count as the modal's "Close" button.
    [GeneratedRegex(@"Free Trial|\bClose\b|Why MNI|MNI is the leading provider|Our Head Office|All signal, no noise|To read the full story|\b230 words\b")]
    private static partial Regex ChromeAndMarketing();
}
