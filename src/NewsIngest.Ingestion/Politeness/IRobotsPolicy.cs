namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// robots.txt per host, fetched once and cached: the fetcher asks it before every hop, discovery asks it for the
/// host's <c>Sitemap:</c> lines.
/// </summary>
public interface IRobotsPolicy
{
    /// <summary>Whether our user agent may fetch <paramref name="url"/> (fetches the host's robots.txt if needed).</summary>
    Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>The absolute sitemap URLs listed in the robots.txt of <paramref name="site"/>'s host (empty if none).</summary>
    Task<IReadOnlyList<Uri>> GetSitemapsAsync(Uri site, CancellationToken cancellationToken);
}
