using NewsIngest.Extraction.Text;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Discovery.Feeds;
using NewsIngest.Ingestion.Discovery.Sitemaps;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery.Autodiscovery;

/// <summary>
/// Finds a site's feeds and sitemaps from its home page (<c>rel=alternate</c> links) and robots.txt
/// (<c>Sitemap:</c> lines); only when those advertise nothing does it probe common paths, stopping at the first
/// feed that parses. The answer is cached for <see cref="DiscoveryOptions.SiteRefreshInterval"/>.
/// </summary>
internal sealed class SiteAutodiscoverer(IPageFetcher fetcher, IDiscoveryCache cache, TimeProvider time, DiscoveryOptions options)
{
    internal static readonly string[] FeedPaths = ["/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml"];
    internal static readonly string[] SitemapPaths = ["/sitemap.xml", "/news-sitemap.xml"];

    public async Task<SiteEndpoints?> DiscoverAsync(string site, List<string> problems, CancellationToken cancellationToken)
    {
        if (UrlCanonicalizer.TryCanonicalize(site) is not { } siteUrl)
        {
            problems.Add($"site '{site}' is not an absolute http(s) URL");
            return null;
        }

        var cached = await cache.GetSiteAsync(siteUrl.AbsoluteUri, cancellationToken);
        if (cached is not null && time.GetUtcNow() - cached.DiscoveredAt < options.SiteRefreshInterval)
        {
            return cached;
        }

        var home = await fetcher.FetchAsync(new FetchRequest(siteUrl, Kind: ResourceKind.HomePage), cancellationToken);
        if (home.Outcome != FetchOutcome.Ok)
        {
            problems.Add($"site {siteUrl}: home page not fetched ({home.Outcome} {home.StatusCode} {home.Error})".TrimEnd());
            // Keep using what an earlier examination found rather than nothing.
            return cached;
        }

        var pageUrl = home.FinalUrl ?? siteUrl;
        var feeds = HomePageFeedLinks.Find(PageDecoder.Decode(home.Body, home.Charset).Text, pageUrl).ToList();
        var sitemaps = (await RobotsSitemapsAsync(pageUrl, cancellationToken)).ToList();
        if (options.ProbeCommonPaths && feeds.Count == 0)
        {
            foreach (var path in FeedPaths)
            {
                var candidate = new Uri(pageUrl, path);
                if (await ProbeAsync(candidate, ResourceKind.Feed, IsFeed, cancellationToken))
                {
                    feeds.Add(candidate);
                    break; // one feed is enough; more probes are just 404s in someone's log.
                }
            }
        }

        if (options.ProbeCommonPaths && sitemaps.Count == 0)
        {
            foreach (var path in SitemapPaths)
            {
                var candidate = new Uri(pageUrl, path);
                if (await ProbeAsync(candidate, ResourceKind.Sitemap, IsSitemap, cancellationToken))
                {
                    sitemaps.Add(candidate);
                }
            }
        }

        if (feeds.Count == 0 && sitemaps.Count == 0)
        {
            problems.Add($"site {siteUrl}: no feed or sitemap found (home page links, robots.txt{(options.ProbeCommonPaths ? ", common paths" : "")})");
        }

        var endpoints = new SiteEndpoints(
            siteUrl.AbsoluteUri,
            feeds.Select(f => f.AbsoluteUri).ToList(),
            sitemaps.Select(s => s.AbsoluteUri).ToList(),
            time.GetUtcNow());
        await cache.SaveSiteAsync(endpoints, cancellationToken);
        return endpoints;
    }

    private async Task<IReadOnlyList<Uri>> RobotsSitemapsAsync(Uri pageUrl, CancellationToken cancellationToken)
    {
        var robotsUrl = new Uri(pageUrl, "/robots.txt");
        var robots = await fetcher.FetchAsync(new FetchRequest(robotsUrl, Kind: ResourceKind.Robots), cancellationToken);
        return robots.Outcome == FetchOutcome.Ok
            ? RobotsSitemapLines.Read(PageDecoder.Decode(robots.Body, robots.Charset).Text, robots.FinalUrl ?? robotsUrl)
            : [];
    }

    private async Task<bool> ProbeAsync(Uri url, ResourceKind kind, Func<byte[], bool> accepts, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(url, Kind: kind, MaxBytes: options.MaxFetchBytes), cancellationToken);
        return result.Outcome == FetchOutcome.Ok && accepts(result.Body);
    }

    private bool IsFeed(byte[] body)
    {
        var document = FeedParser.Parse(body, new FeedLimits(options.MaxItemsPerFeed, options.MaxDecompressedBytes, 0));
        return document.Items.Count > 0;
    }

    private bool IsSitemap(byte[] body)
    {
        var document = SitemapParser.Parse(body, options.MaxUrlsPerSitemap, options.MaxDecompressedBytes);
        return document.Error is null && (document.Entries.Count > 0 || document.Sitemaps.Count > 0);
    }
}
