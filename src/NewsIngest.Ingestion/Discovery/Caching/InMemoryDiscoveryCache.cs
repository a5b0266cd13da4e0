using System.Collections.Concurrent;

namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>An <see cref="IDiscoveryCache"/> that lives as long as the process (tests, <c>extract</c>-style runs).</summary>
public sealed class InMemoryDiscoveryCache : IDiscoveryCache
{
    private readonly ConcurrentDictionary<string, SiteEndpoints> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResourceState> _resources = new(StringComparer.Ordinal);

    public Task<SiteEndpoints?> GetSiteAsync(string site, CancellationToken cancellationToken) =>
        Task.FromResult(_sites.TryGetValue(site, out var endpoints) ? endpoints : null);

    public Task SaveSiteAsync(SiteEndpoints endpoints, CancellationToken cancellationToken)
    {
        _sites[endpoints.Site] = endpoints;
        return Task.CompletedTask;
    }

    public Task<ResourceState?> GetResourceAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult(_resources.TryGetValue(url, out var state) ? state : null);

    public Task SaveResourceAsync(ResourceState state, CancellationToken cancellationToken)
    {
        _resources[state.Url] = state;
        return Task.CompletedTask;
    }
}
