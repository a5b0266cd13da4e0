using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Tests.Discovery.Support;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class SourceDiscovererTests
{
    private static SourceOptions AllFeedsAndSitemaps(LoopbackSite site) => new()
    {
        Name = "example",
        Feeds = [site.Url("/rss2.xml").AbsoluteUri, site.Url("/rss1.rdf").AbsoluteUri, site.Url("/atom.xml").AbsoluteUri, site.Url("/feed.json").AbsoluteUri],
        Sitemaps = [site.Url("/sitemap_index.xml.gz").AbsoluteUri],
    };

    private static string[] Paths(DiscoveryResult result) => result.Urls.Select(u => u.Url.AbsolutePath).ToArray();

    [Fact]
    public async Task Finds_every_article_of_four_feed_formats_and_a_gzipped_sitemap_index_exactly_once()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), CancellationToken.None);

        Assert.Equal(NewsSite.Articles.Order(), Paths(result).Order());
        Assert.All(result.Urls, u => Assert.Equal("", u.Url.Query + u.Url.Fragment));
        Assert.All(result.Urls, u => Assert.Equal(site.BaseUrl.Authority, u.Url.Authority));
    }

    [Fact]
    public async Task Feeds_and_sitemaps_are_fetched_with_the_discovery_cap_not_the_page_cap()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness(new DiscoveryOptions { MaxDecompressedBytes = 32L * 1024 * 1024 });

        await harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), CancellationToken.None);

        Assert.NotEmpty(harness.Fetcher.Requests);
        Assert.All(harness.Fetcher.Requests, r => Assert.Equal(32 * 1024 * 1024, r.MaxBytes));
    }

    [Fact]
    public async Task Orders_newest_first_and_puts_undated_articles_last_in_listing_order()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), CancellationToken.None);

        // n1 11:00Z, a1 10:00Z (20 Nov); a2 08:00Z, r1 12:00Z (19 Nov); t1 18 Nov; j1 17 Nov; p1 15 Nov; old 1 Oct;
        // then undated a3 (rss2) before p2 (sitemap).
        Assert.Equal(
            ["/news/n1", "/news/a1", "/rdf/r1", "/news/a2", "/atom/t1", "/json/j1", "/pages/p1", "/news/old", "/news/a3", "/pages/p2"],
            Paths(result));
    }

    [Fact]
    public async Task Merges_the_hints_of_an_article_listed_by_several_feeds_and_a_news_sitemap()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), CancellationToken.None);

        var a1 = result.Urls.Single(u => u.Url.AbsolutePath == "/news/a1");
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), a1.PublishedAt);
        Assert.Equal("A1 from RSS", a1.Hints![HintKeys.Title]);
        Assert.Equal("a1", a1.Hints[HintKeys.Guid]);
        Assert.Equal("The a1 lead.", a1.Hints[HintKeys.Summary]);
        Assert.Equal("en", a1.Hints[HintKeys.Language]);
        Assert.Equal(site.Url("/rss2.xml").AbsoluteUri, a1.Hints[HintKeys.Feed]);
        Assert.Equal("Example News", a1.Hints[HintKeys.Publication]);
        Assert.Equal(site.Url("/news-sitemap.xml").AbsoluteUri, a1.Hints[HintKeys.Sitemap]);
        var n1 = result.Urls.Single(u => u.Url.AbsolutePath == "/news/n1");
        Assert.Equal("N1 headline", n1.Hints![HintKeys.Title]);
        Assert.Equal("2026-11-20T11:00:00.0000000+00:00", n1.Hints[HintKeys.PublishedAt]);
    }

    [Fact]
    public async Task Reports_malformed_items_with_their_feed_and_skips_them()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), CancellationToken.None);

        // Bad items of feeds that were read are warnings (exit 0), not problems.
        Assert.All(result.Problems, p => Assert.Matches("^warning: (feed|sitemap) http", p));
        Assert.Contains(result.Problems, p => p.Contains("/rss2.xml: skipped 2 malformed item(s)", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("/rss2.xml: 1 item date(s) unreadable", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("/feed.json: skipped 1 malformed item(s)", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("/sitemap-pages.xml: skipped 1 malformed", StringComparison.Ordinal));
        Assert.Equal(4, result.Problems.Count);
    }

    [Fact]
    public async Task Honours_max_age_and_max_items_per_pass()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();
        var source = AllFeedsAndSitemaps(site);
        source.MaxAge = TimeSpan.FromDays(4); // from 20 Nov 12:00: keeps 16 Nov 12:00 and newer

        var aged = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        source.MaxItemsPerPass = 3;
        var capped = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);

        Assert.Equal(["/news/n1", "/news/a1", "/rdf/r1", "/news/a2", "/atom/t1", "/json/j1", "/news/a3", "/pages/p2"], Paths(aged));
        Assert.Equal(["/news/n1", "/news/a1", "/rdf/r1"], Paths(capped));
    }

    [Fact]
    public async Task Honours_include_and_exclude_patterns()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();
        var source = AllFeedsAndSitemaps(site);
        source.Include = ["/news/", "/pages/"];
        source.Exclude = ["/news/a[23]$", "p2"];

        var result = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);

        Assert.Equal(["/news/n1", "/news/a1", "/pages/p1", "/news/old"], Paths(result));
    }

    [Fact]
    public async Task Reports_an_invalid_pattern_and_selects_nothing()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();
        var source = AllFeedsAndSitemaps(site);
        source.Exclude = ["([unclosed"];

        var result = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);

        Assert.Empty(result.Urls);
        Assert.StartsWith("invalid URL pattern", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Empty(harness.Fetcher.Requests);
    }

    [Fact]
    public async Task Reports_entity_expansion_attacks_and_a_garbage_feed_without_losing_the_good_feed()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();
        var source = new SourceOptions
        {
            Name = "hostile",
            Feeds = [site.Url("/lol-feed.xml").AbsoluteUri, site.Url("/garbage-feed.xml").AbsoluteUri, site.Url("/missing.xml").AbsoluteUri, site.Url("/rss2.xml").AbsoluteUri],
            Sitemaps = [site.Url("/lol-sitemap.xml").AbsoluteUri, site.Url("/news-sitemap.xml").AbsoluteUri],
        };
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);

        // Expanded, each attack is ~3 GB of text. The bound is loose because other tests run in parallel.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 300_000_000, "allocated too much");
        Assert.Equal(["/news/n1", "/news/a1", "/news/a2", "/news/old", "/news/a3"], Paths(result));
        Assert.Contains(result.Problems, p => p.StartsWith($"feed {site.Url("/lol-feed.xml")}: malformed feed", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith($"feed {site.Url("/garbage-feed.xml")}: malformed feed", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith($"feed {site.Url("/missing.xml")}: HTTP 404", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith($"sitemap {site.Url("/lol-sitemap.xml")}: malformed sitemap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_a_feed_url_that_is_not_a_url()
    {
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "typo", Feeds = ["feeds.example.com/rss"] }, CancellationToken.None);

        Assert.Empty(result.Urls);
        Assert.Equal(["feed 'feeds.example.com/rss' is not an absolute http(s) URL"], result.Problems);
    }

    [Fact]
    public async Task Cancellation_propagates_instead_of_becoming_a_problem()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Discoverer.DiscoverAsync(AllFeedsAndSitemaps(site), cancelled.Token));
    }
}
