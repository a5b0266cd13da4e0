using System.Text.Json;
using NewsIngest.Cli.Tests.EndToEnd;

namespace NewsIngest.Cli.Tests.Templates;

/// <summary>
/// <c>once</c> over a loopback site of ten generated pages: the site's template is learned from what the pass
/// fetches and kept in the state; from the fifth page on the records carry none of it, a source's kept disclaimer
/// stays, and <c>reprocess</c> (a new process, the state reopened) cleans the first pages with the model as it stands.
/// </summary>
public sealed class OnceSiteTemplateTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private readonly GeneratedSite _site = new("harbour.example");
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        for (var page = 0; page < 10; page++)
        {
            _server.Serve($"/news/story-{page}", "text/html; charset=utf-8", _site.Page(page));
        }
    }

    [Fact]
    public async Task Later_records_lose_the_template_and_reprocess_cleans_the_first_ones_too()
    {
        WriteConfig(keep: false);

        var first = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));
        var records = _work.Records();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(10, records.Count);
        Assert.All(records, r => Assert.Equal(_site.Body(Page(r)), Texts(r).Where(t => !_site.TemplateTexts.Contains(t))));
        var cleaned = records.Where(r => r.GetProperty("siteTemplate").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(6, cleaned.Count);
        Assert.All(cleaned, r => Assert.Equal(_site.Body(Page(r)), Texts(r)));

        var second = await NewsIngestExecutable.RunAsync(_work.Args("reprocess"), timeout: TimeSpan.FromSeconds(90));
        var latest = _work.Records().GroupBy(Page).Select(g => g.Last()).ToList();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(14, _work.Records().Count);
        Assert.All(latest, r => Assert.Equal(_site.Body(Page(r)), Texts(r)));
    }

    [Fact]
    public async Task A_second_once_starts_from_the_model_the_first_left_in_the_state()
    {
        // Given a first once that fetched four pages: too few for a template, nothing is cleaned.
        WriteConfig(keep: false, pages: Enumerable.Range(0, 4));
        var first = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.All(_work.Records(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("siteTemplate").ValueKind));

        // When a second process reads the other six: the four from the state and its own make every page the fifth or later.
        WriteConfig(keep: false, pages: Enumerable.Range(4, 6));
        var second = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));

        Assert.True(second.ExitCode == 0, second.ToString());
        var later = _work.Records().Where(r => Page(r) >= 4).ToList();
        Assert.Equal(6, later.Count);
        Assert.All(later, r => Assert.Equal(_site.Body(Page(r)), Texts(r)));
        Assert.Single(later.Select(r => r.GetProperty("siteTemplate").GetProperty("site").GetString()).Distinct());
    }

    [Fact]
    public async Task A_sources_kept_disclaimer_stays_in_every_cleaned_record()
    {
        WriteConfig(keep: true);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.ToString());
        var cleaned = _work.Records().Where(r => r.GetProperty("siteTemplate").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(cleaned);
        Assert.All(cleaned, r => Assert.Equal([.. _site.Body(Page(r)), _site.Disclaimer], Texts(r)));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    private void WriteConfig(bool keep, IEnumerable<int>? pages = null)
    {
        var urls = string.Join(", ", (pages ?? Enumerable.Range(0, 10)).Select(p => $"\"{_server.Url($"/news/story-{p}")}\""));
        var kept = keep ? $", \"KeepTemplateTexts\": [ \"{_site.Disclaimer[..40]}\" ]" : "";
        E2eConfig.Write(_work, $$"""{ "Name": "harbour", "Urls": [ {{urls}} ]{{kept}} }""");
        // The raw pages are archived, so reprocess can extract them again.
        File.WriteAllText(_work.ConfigPath, File.ReadAllText(_work.ConfigPath)
            .Replace("\"Directory\": \"data/records\"", "\"Directory\": \"data/records\", \"Archive\": true", StringComparison.Ordinal));
    }

    private static int Page(JsonElement record) =>
        int.Parse(record.GetProperty("url").GetString()!.Split("story-")[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Texts(JsonElement record) =>
        [.. record.GetProperty("preview").GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()!)];
}
