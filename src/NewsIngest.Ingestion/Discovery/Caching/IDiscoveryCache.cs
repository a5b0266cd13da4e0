namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>
/// Discovery's memory between passes: autodiscovered site endpoints and per feed/sitemap validators, last listing
/// and back-off. <see cref="SqliteDiscoveryCache"/> keeps it in the state database; <see cref="InMemoryDiscoveryCache"/>
/// is for tests and one-off runs.
/// </summary>
public interface IDiscoveryCache
{
    Task<SiteEndpoints?> GetSiteAsync(string site, CancellationToken cancellationToken);

    Task SaveSiteAsync(SiteEndpoints endpoints, CancellationToken cancellationToken);

    Task<ResourceState?> GetResourceAsync(string url, CancellationToken cancellationToken);

    Task SaveResourceAsync(ResourceState state, CancellationToken cancellationToken);
}
