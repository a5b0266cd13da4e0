using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Discovery.Caching;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>Registers feed, sitemap and site discovery.</summary>
public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SourceDiscoverer"/> (as itself: the host composes it with its URL-list discoverer), its
    /// <see cref="DiscoveryOptions"/> bound from <c>NewsIngest:Discovery</c> and validated at start, and an
    /// <see cref="IDiscoveryCache"/>: SQLite in <see cref="DiscoveryOptions.CacheDatabasePath"/> when set, else in
    /// memory. An <see cref="Fetching.IPageFetcher"/> must be registered by the caller; <see cref="TimeProvider"/>
    /// defaults to the system clock.
    /// </summary>
    public static IServiceCollection AddNewsIngestDiscovery(
        this IServiceCollection services,
        Action<DiscoveryOptions>? configure = null)
    {
        var options = services.AddOptions<DiscoveryOptions>()
            .BindConfiguration(DiscoveryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDiscoveryCache>(sp =>
            sp.GetRequiredService<IOptions<DiscoveryOptions>>().Value.CacheDatabasePath is { Length: > 0 } path
                ? new SqliteDiscoveryCache(path)
                : new InMemoryDiscoveryCache());
        services.TryAddSingleton<SourceDiscoverer>();
        return services;
    }
}
