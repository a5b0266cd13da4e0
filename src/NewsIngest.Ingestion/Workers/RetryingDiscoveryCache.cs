using NewsIngest.Ingestion.Discovery.Caching;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The discovery cache on the shared database, each call retried while PostgreSQL is unreachable or refuses a
/// connection (<see cref="DatabaseRetry"/>). Without it a fault of the cache reads as a discovery problem: the source
/// is found empty and its pass ends with no pages until its next occurrence. Every call is one statement, so running
/// it again is safe.
/// </summary>
public sealed class RetryingDiscoveryCache(IDiscoveryCache inner, DatabaseRetry retry) : IDiscoveryCache, IAsyncDisposable
{
    public Task<SiteEndpoints?> GetSiteAsync(string site, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.GetSiteAsync(site, token), cancellationToken);

    public Task SaveSiteAsync(SiteEndpoints endpoints, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveSiteAsync(endpoints, token), cancellationToken);

    public Task<ResourceState?> GetResourceAsync(string url, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.GetResourceAsync(url, token), cancellationToken);

    public Task SaveResourceAsync(ResourceState state, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveResourceAsync(state, token), cancellationToken);

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : default;
}
