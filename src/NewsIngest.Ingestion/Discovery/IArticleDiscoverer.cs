using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>Finds the article URLs of one source for one pass (from its URL list, feeds, sitemaps or site).</summary>
public interface IArticleDiscoverer
{
    /// <summary>The article URLs to fetch, newest first where dates are known. Failures of one feed or sitemap are
    /// reported through <see cref="DiscoveryResult.Problems"/>, never thrown; the pass names the source in front of
    /// each problem and logs it once, so a discoverer neither logs nor prefixes them.</summary>
    Task<DiscoveryResult> DiscoverAsync(SourceOptions source, CancellationToken cancellationToken);
}
