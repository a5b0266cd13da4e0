using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Fetching.Local;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>Local sources end to end: the URL list discoverer, the file fetcher and the scheme router.</summary>
public sealed class LocalSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FileFetcher _files = new(new FakeTimeProvider());

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_directory_source_lists_its_pages_in_name_order_and_skips_other_files()
    {
        Directory.CreateDirectory(_dir.Combine("pages"));
        foreach (var name in new[] { "b.html", "a.htm", "c.txt", "a.expected.json", "notes.md" })
        {
            File.WriteAllText(_dir.Combine("pages", name), "<p>x</p>");
        }

        var source = new SourceOptions { Name = "local", Urls = ["pages", "https://news.test/x", "missing"] };
        var result = await new UrlListDiscoverer(_dir.Path).DiscoverAsync(source, default);

        Assert.Equal(
            ["a.htm", "b.html", "c.txt", "x"],
            result.Urls.Select(u => u.Url.Segments[^1]).ToList());
        Assert.True(result.Urls[0].Url.IsFile);
        Assert.Equal(["no such file or directory '" + _dir.Combine("missing") + "'"], result.Problems);
    }

    [Fact]
    public async Task A_file_answers_304_to_its_own_validators_and_200_once_it_changes()
    {
        var path = _dir.Combine("page.html");
        File.WriteAllText(path, "<p>first</p>");
        var url = new Uri(path);

        var first = await _files.FetchAsync(new FetchRequest(url), default);
        var byEtag = await _files.FetchAsync(new FetchRequest(url, ETag: first.ETag), default);
        var byDate = await _files.FetchAsync(new FetchRequest(url, LastModified: first.LastModified), default);
        File.WriteAllText(path, "<p>second, longer</p>");
        File.SetLastWriteTimeUtc(path, first.LastModified!.Value.UtcDateTime.AddSeconds(5));
        var changed = await _files.FetchAsync(new FetchRequest(url, first.ETag, first.LastModified), default);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal("<p>first</p>"u8.ToArray(), first.Body);
        Assert.Equal((FetchOutcome.NotModified, FetchOutcome.NotModified), (byEtag.Outcome, byDate.Outcome));
        Assert.Empty(byEtag.Body);
        Assert.Equal(FetchOutcome.Ok, changed.Outcome);
        Assert.NotEqual(first.ETag, changed.ETag);
    }

    [Fact]
    public async Task A_missing_file_is_a_404_with_a_reason()
    {
        var result = await _files.FetchAsync(new FetchRequest(new Uri(_dir.Combine("gone.html"))), default);

        Assert.Equal((FetchOutcome.HttpError, 404), (result.Outcome, result.StatusCode));
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_HTTP_fetcher_http_urls_are_unsupported_with_a_clear_reason_and_files_still_work()
    {
        var router = new PageFetcherRouter(_files, network: null);
        File.WriteAllText(_dir.Combine("p.html"), "<p>x</p>");

        var web = await router.FetchAsync(new FetchRequest(new Uri("https://news.test/a")), default);
        var file = await router.FetchAsync(new FetchRequest(new Uri(_dir.Combine("p.html"))), default);

        Assert.Equal(FetchOutcome.Unsupported, web.Outcome);
        Assert.Contains("no HTTP fetcher", web.Error, StringComparison.Ordinal);
        Assert.Equal(FetchOutcome.Ok, file.Outcome);
    }

    [Fact]
    public async Task With_an_HTTP_fetcher_http_urls_go_to_it()
    {
        var network = new FakeFetcher();
        network.Serve(new Uri("https://news.test/a"), "story");
        var router = new PageFetcherRouter(_files, network);

        var result = await router.FetchAsync(new FetchRequest(new Uri("https://news.test/a")), default);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Single(network.Requests);
    }
}
