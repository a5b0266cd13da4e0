namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>The feeds and sitemaps autodiscovered for a site, and when.</summary>
/// <param name="Site">The configured site (home page) URL.</param>
/// <param name="Feeds">Feed URLs found on the home page or by probing.</param>
/// <param name="Sitemaps">Sitemap URLs from robots.txt or by probing.</param>
/// <param name="DiscoveredAt">When the site was last examined.</param>
public sealed record SiteEndpoints(
    string Site,
    IReadOnlyList<string> Feeds,
    IReadOnlyList<string> Sitemaps,
    DateTimeOffset DiscoveredAt);
