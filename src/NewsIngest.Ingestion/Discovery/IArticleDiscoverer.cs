using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>Finds the article URLs of one source for one pass (from its URL list, feeds, sitemaps or site).</summary>
public interface IArticleDiscoverer
{
    /// <summary>The article URLs to fetch, newest first where dates are known. Failures of one feed or sitemap are
    /// reported through <see cref="DiscoveryResult.Problems"/>, never thrown.</summary>
    Task<DiscoveryResult> DiscoverAsync(SourceOptions source, CancellationToken cancellationToken);
}
