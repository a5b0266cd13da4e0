using System.Text.Json;

namespace NewsIngest.Cli.Tests.Templates;

/// <summary>
/// <c>extract</c> of several pages learns each site's template from all of them first: the template's blocks are gone
/// from every page's record, <c>--explain</c> names the rule, <c>--site-template off</c> keeps today's output, and
/// the order the pages are named in does not matter.
/// </summary>
public sealed class ExtractSiteTemplateTests : IDisposable
{
    private readonly Workspace _work = new();
    private readonly GeneratedSite _site = new("harbour.example");

    public ExtractSiteTemplateTests()
    {
        Directory.CreateDirectory(_work.PagesDirectory);
        for (var page = 0; page < 10; page++)
        {
            File.WriteAllText(PagePath(page), _site.Page(page));
        }
    }

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_directory_of_one_sites_pages_loses_the_template_and_keeps_every_body()
    {
        var (records, _) = await ExtractAsync(_work.PagesDirectory);

        Assert.Equal(10, records.Count);
        for (var page = 0; page < 10; page++)
        {
            Assert.Equal(_site.Body(page), Texts(records[page]));
            Assert.Equal("harbour.example", records[page].GetProperty("siteTemplate").GetProperty("site").GetString());
            Assert.True(records[page].GetProperty("removed").GetProperty("template").GetInt32() >= 4);
        }
    }

    [Fact]
    public async Task Off_extracts_each_page_as_alone()
    {
        var (records, _) = await ExtractAsync(_work.PagesDirectory, "--site-template", "off");

        Assert.All(records, r => Assert.Contains(_site.SignUp, Texts(r)));
        Assert.All(records, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("siteTemplate").ValueKind));
    }

    [Fact]
    public async Task The_order_the_pages_are_named_in_does_not_change_any_record()
    {
        var (inOrder, _) = await ExtractAsync([.. Enumerable.Range(0, 10).Select(PagePath)]);
        var (reversed, _) = await ExtractAsync([.. Enumerable.Range(0, 10).Reverse().Select(PagePath)]);

        Assert.Equal(inOrder.Select(r => r.GetRawText()), reversed.Select(r => r.GetRawText()).Reverse());
    }

    [Fact]
    public async Task Explain_names_the_site_template_rule()
    {
        var (_, stderr) = await ExtractAsync(_work.PagesDirectory, "--explain");

        Assert.Contains($"template    Paragraph site-template", stderr, StringComparison.Ordinal);
        Assert.Contains(_site.SignUp, stderr, StringComparison.Ordinal);
    }

    private string PagePath(int page) => Path.Combine(_work.PagesDirectory, $"story-{page:00}.html");

    private static string[] Texts(JsonElement record) =>
        [.. record.GetProperty("preview").GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()!)];

    private static async Task<(List<JsonElement> Records, string Stderr)> ExtractAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await NewsIngestCli.RunAsync(["extract", .. args], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var records = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (records, stderr.ToString());
    }
}
