using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Discovery;

/// <summary>The discovery cache of each provider (<see cref="StateBackend.CreateDiscoveryCache"/>).</summary>
public abstract class DiscoveryCacheContract : StateContract
{
    [Fact]
    public async Task The_cache_keeps_sites_and_feed_state_across_instances()
    {
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var item = new DiscoveredUrl(new Uri("https://example.com/a"), at, new Dictionary<string, string> { ["title"] = "T" });
        var first = Create();
        await first.SaveSiteAsync(new SiteEndpoints("https://example.com/", ["https://example.com/feed"], [], at), CancellationToken.None);
        await first.SaveResourceAsync(new ResourceState
        {
            Url = "https://example.com/feed",
            ETag = "\"v1\"",
            LastModified = at,
            Failures = 2,
            RetryAfter = at.AddHours(1),
            LastError = "HTTP 503",
            Items = [item],
            Children = ["https://example.com/s.xml"],
        }, CancellationToken.None);

        // A new instance on the same file: what a restarted process sees.
        await DisposeAsync(first);
        var second = Create();
        var site = await second.GetSiteAsync("https://example.com/", CancellationToken.None);
        var feed = await second.GetResourceAsync("https://example.com/feed", CancellationToken.None);

        Assert.Equal(["https://example.com/feed"], site!.Feeds);
        Assert.Equal(at, site.DiscoveredAt);
        Assert.Equal("\"v1\"", feed!.ETag);
        Assert.Equal(at, feed.LastModified);
        Assert.Equal(2, feed.Failures);
        Assert.Equal(at.AddHours(1), feed.RetryAfter);
        Assert.Equal("HTTP 503", feed.LastError);
        var cached = Assert.Single(feed.Items);
        Assert.Equal(item.Url, cached.Url);
        Assert.Equal(at, cached.PublishedAt);
        Assert.Equal("T", cached.Hints!["title"]);
        Assert.Equal(["https://example.com/s.xml"], feed.Children);
        Assert.Null(await second.GetResourceAsync("https://example.com/other", CancellationToken.None));
        Assert.Null(await second.GetSiteAsync("https://other.example/", CancellationToken.None));
        await DisposeAsync(second);
    }

    [Fact]
    public async Task Saving_again_replaces_the_entry()
    {
        var cache = Create();
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        await cache.SaveResourceAsync(new ResourceState { Url = "https://example.com/feed", ETag = "\"v1\"", Failures = 3 }, CancellationToken.None);
        await cache.SaveResourceAsync(new ResourceState { Url = "https://example.com/feed", LastFetchedAt = at }, CancellationToken.None);
        await cache.SaveSiteAsync(new SiteEndpoints("https://example.com/", ["https://example.com/a"], [], at), CancellationToken.None);
        await cache.SaveSiteAsync(new SiteEndpoints("https://example.com/", [], ["https://example.com/s.xml"], at.AddDays(1)), CancellationToken.None);

        var feed = await cache.GetResourceAsync("https://example.com/feed", CancellationToken.None);
        var site = await cache.GetSiteAsync("https://example.com/", CancellationToken.None);

        Assert.Equal((null, 0, at), (feed!.ETag, feed.Failures, feed.LastFetchedAt));
        Assert.Equal((0, "https://example.com/s.xml", at.AddDays(1)), (site!.Feeds.Count, site.Sitemaps.Single(), site.DiscoveredAt));
        await DisposeAsync(cache);
    }

    private IDiscoveryCache Create() => StateBackend.CreateDiscoveryCache(State.Options, State.Options.Path);

    private static async Task DisposeAsync(IDiscoveryCache cache)
    {
        if (cache is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
