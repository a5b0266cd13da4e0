using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Discovery.Support;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class SiteAutodiscoveryTests
{
    [Fact]
    public async Task A_source_with_only_a_site_finds_its_advertised_feeds_and_robots_sitemaps()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "site-only", Site = site.BaseUrl.AbsoluteUri }, CancellationToken.None);

        // rss2 + atom from <link rel=alternate>, the gzipped index from robots.txt: rss1 and JSON are not advertised.
        Assert.Equal(
            ["/atom/t1", "/news/a1", "/news/a2", "/news/a3", "/news/n1", "/news/old", "/pages/p1", "/pages/p2", "/rdf/r1"],
            result.Urls.Select(u => u.Url.AbsolutePath).Order());
        Assert.Equal(0, site.HitsOf("/comments/feed"));
        Assert.Equal(1, site.HitsOf("/sitemap_index.xml.gz"));
        Assert.Contains(harness.Fetcher.Requests, r => r.Kind == ResourceKind.Robots && r.Url.AbsolutePath == "/robots.txt");
        Assert.Contains(harness.Fetcher.Requests, r => r.Kind == ResourceKind.HomePage && r.Url.AbsolutePath == "/");
        // Everything was advertised, so nothing was probed.
        Assert.All(["/feed", "/rss", "/rss.xml", "/sitemap.xml"], p => Assert.Equal(0, site.HitsOf(p)));
        Assert.Equal(1, site.HitsOf("/news-sitemap.xml")); // as the index's child, not as a probe
    }

    [Fact]
    public async Task Probes_common_paths_sparingly_when_a_site_advertises_nothing()
    {
        await using var site = await LoopbackSite.StartAsync();
        var b = site.BaseUrl.AbsoluteUri.TrimEnd('/');
        site.Serve("/", "text/html", "<html><head><title>Bare</title></head><body>hi</body></html>");
        site.Serve("/rss.xml", "application/rss+xml", $"<rss version=\"2.0\"><channel><item><link>{b}/story/1</link></item></channel></rss>");
        site.Serve("/atom.xml", "application/atom+xml", $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"{b}/story/2\"/></entry></feed>");
        site.Serve("/sitemap.xml", "application/xml", $"<urlset><url><loc>{b}/story/3</loc></url></urlset>");
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "bare", Site = b }, CancellationToken.None);

        Assert.Equal(["/story/1", "/story/3"], result.Urls.Select(u => u.Url.AbsolutePath).Order());
        Assert.Empty(result.Problems);
        // Stops at the first feed that parses: /atom.xml and later paths are never asked for.
        Assert.Equal(1, site.HitsOf("/feed"));
        Assert.Equal(1, site.HitsOf("/rss"));
        Assert.Equal(0, site.HitsOf("/atom.xml"));
        Assert.Equal(1, site.HitsOf("/news-sitemap.xml"));
    }

    [Fact]
    public async Task Caches_what_it_found_and_looks_again_after_the_refresh_interval()
    {
        await using var site = await NewsSite.StartAsync();
        using var harness = new DiscoveryHarness(new DiscoveryOptions { SiteRefreshInterval = TimeSpan.FromHours(24) });
        var source = new SourceOptions { Name = "site-only", Site = site.BaseUrl.AbsoluteUri };

        await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(23));
        var cached = await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        Assert.Equal(1, site.HitsOf("/"));
        Assert.Equal(1, site.HitsOf("/robots.txt"));
        Assert.Equal(9, cached.Urls.Count);

        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.Discoverer.DiscoverAsync(source, CancellationToken.None);
        Assert.Equal(2, site.HitsOf("/"));
        Assert.Equal(2, site.HitsOf("/robots.txt"));
    }

    [Fact]
    public async Task Reports_a_site_that_advertises_and_serves_no_feed_or_sitemap()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Serve("/", "text/html", "<html><body>nothing here</body></html>");
        using var harness = new DiscoveryHarness(new DiscoveryOptions { ProbeCommonPaths = false });

        var result = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "empty", Site = site.BaseUrl.AbsoluteUri }, CancellationToken.None);

        Assert.Empty(result.Urls);
        Assert.Contains("no feed or sitemap found", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Equal(0, site.HitsOf("/feed"));
    }

    [Fact]
    public void Reads_sitemap_lines_from_robots_txt_in_any_group_and_case()
    {
        var robots = "User-agent: Googlebot\nDisallow: /x\nsitemap: /relative.xml\n# Sitemap: https://example.com/commented.xml\nUser-agent: *\nSITEMAP:   https://example.com/news.xml  # trailing\nSitemap: https://example.com/news.xml\n";

        var sitemaps = NewsIngest.Ingestion.Discovery.Autodiscovery.RobotsSitemapLines.Read(robots, new Uri("https://example.com/robots.txt"));

        Assert.Equal(["https://example.com/relative.xml", "https://example.com/news.xml"], sitemaps.Select(u => u.AbsoluteUri));
    }
}
