using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Tests.Discovery.Support;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class ConditionalGetAndBackoffTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsingest-discovery-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Second_pass_sends_validators_gets_304s_and_still_returns_the_same_articles()
    {
        await using var site = await NewsSite.StartAsync();
        // The SQLite cache, as in production: validators and listings must survive in the file.
        using var harness = new DiscoveryHarness(cache: new SqliteDiscoveryCache(Path.Combine(_directory, "state.db")));
        var source = new SourceOptions
        {
            Name = "example",
            Feeds = [site.Url("/rss2.xml").AbsoluteUri, site.Url("/feed.json").AbsoluteUri],
            Sitemaps = [site.Url("/sitemap_index.xml.gz").AbsoluteUri],
        };

        var first = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        var second = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);

        Assert.Equal(first.Urls.Select(u => u.Url), second.Urls.Select(u => u.Url));
        Assert.Equal(first.Urls.Select(Describe), second.Urls.Select(Describe));
        var secondPass = site.Log.Skip(5).ToList();
        Assert.Equal(5, secondPass.Count);
        Assert.All(secondPass, entry => Assert.Equal(304, entry.Status));
    }

    private static string Describe(DiscoveredUrl url) =>
        $"{url.Url} {url.PublishedAt:O} " + string.Join(' ', url.Hints!.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}"));

    [Fact]
    public async Task A_dead_feed_backs_off_exponentially_and_never_stops_the_other_feed()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness(new DiscoveryOptions { BackoffBase = TimeSpan.FromMinutes(10), BackoffMax = TimeSpan.FromHours(1) });
        var source = new SourceOptions { Name = "example", Feeds = [site.Url("/gone.xml").AbsoluteUri, site.Url("/feed.json").AbsoluteUri] };

        var first = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        var backingOff = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.Discoverer.DiscoverAsync(source, CancellationToken.None); // 2nd failure: waits 20 min
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.Discoverer.DiscoverAsync(source, CancellationToken.None); // still backing off
        var state = await harness.Cache.GetResourceAsync(site.Url("/gone.xml").AbsoluteUri, CancellationToken.None);

        Assert.Equal(["/json/j1", "/news/a2"], first.Urls.Select(u => u.Url.AbsolutePath).Order());
        Assert.Equal(first.Urls.Select(u => u.Url), backingOff.Urls.Select(u => u.Url));
        Assert.StartsWith($"feed {site.Url("/gone.xml")}: HTTP 404", first.Problems[0], StringComparison.Ordinal);
        Assert.Contains("backing off until", backingOff.Problems[0], StringComparison.Ordinal);
        Assert.Equal(2, site.HitsOf("/gone.xml"));
        Assert.Equal(2, state!.Failures);
        Assert.Equal(NewsSite.Now.AddMinutes(11 + 20), state.RetryAfter);
    }

    [Fact]
    public async Task A_feed_that_recovers_clears_its_backoff()
    {
        await using var site = await LoopbackSite.StartAsync();
        using var harness = new DiscoveryHarness(new DiscoveryOptions { BackoffBase = TimeSpan.FromMinutes(10) });
        var source = new SourceOptions { Name = "flaky", Feeds = [site.Url("/flaky.xml").AbsoluteUri] };

        var failed = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        site.Serve("/flaky.xml", "application/rss+xml", $"<rss version=\"2.0\"><channel><item><link>{site.Url("/back")}</link></item></channel></rss>");
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var recovered = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        var state = await harness.Cache.GetResourceAsync(site.Url("/flaky.xml").AbsoluteUri, CancellationToken.None);

        Assert.Empty(failed.Urls);
        Assert.Equal("/back", Assert.Single(recovered.Urls).Url.AbsolutePath);
        Assert.Empty(recovered.Problems);
        Assert.Equal(0, state!.Failures);
        Assert.Null(state.RetryAfter);
    }
}
