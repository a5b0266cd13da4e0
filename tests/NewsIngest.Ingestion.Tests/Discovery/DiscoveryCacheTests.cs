using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class DiscoveryCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsingest-discovery-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sqlite_cache_keeps_sites_and_feed_state_across_instances()
    {
        var path = Path.Combine(_directory, "state.db");
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var item = new DiscoveredUrl(new Uri("https://example.com/a"), at, new Dictionary<string, string> { ["title"] = "T" });
        var first = new SqliteDiscoveryCache(path);
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
        var second = new SqliteDiscoveryCache(path);
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
    }
}
