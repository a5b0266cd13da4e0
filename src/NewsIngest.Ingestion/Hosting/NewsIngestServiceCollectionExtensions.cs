using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Extraction;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Fetching.Local;
using NewsIngest.Ingestion.Health;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Hosting;

/// <summary>Registers the ingestion core: options (validated at start), state, storage, file fetching, the pass.</summary>
public static class NewsIngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>NewsIngest</c> to <see cref="NewsIngestOptions"/> (validated at start, paths resolved against
    /// <see cref="NewsIngestOptions.BaseDirectory"/>) and registers the pieces a pass needs. HTTP fetching and
    /// feed/sitemap discovery are registered by their own extensions.
    /// </summary>
    public static IServiceCollection AddNewsIngestCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsIngestOptions>()
            .Bind(configuration.GetSection(NewsIngestOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsIngestOptions>, NewsIngestOptionsValidator>());
        services.AddSingleton<IValidateOptions<NewsIngestOptions>>(
            new UnknownKeyValidator(configuration.GetSection(NewsIngestOptions.SectionName)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<NewsIngestOptions>, NewsIngestPathResolver>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<NewsIngestMetrics>();
        // The pass's observers: the log lines (a host may replace this one, e.g. with a terminal's live line) and the meter.
        services.TryAddSingleton(sp => new LoggingPassObserver(
            sp.GetRequiredService<IOptions<NewsIngestOptions>>().Value.Pass, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IngestionPass>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPassObserver, LoggingPassObserver>(sp => sp.GetRequiredService<LoggingPassObserver>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPassObserver, MetricsPassObserver>());
        services.TryAddSingleton<WorkerHealth>();
        services.TryAddSingleton<FileFetcher>();
        // http(s) goes to whatever IPageFetcher is registered (the HTTP fetcher, once AddNewsIngestFetching is called
        // by the executable); without one, http(s) URLs fail with a clear "no HTTP fetcher" reason.
        services.TryAddSingleton(sp => new PageFetcherRouter(sp.GetRequiredService<FileFetcher>(), sp.GetService<IPageFetcher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleDiscoverer, UrlListDiscoverer>());
        services.TryAddSingleton<IPageExtractor>(sp => new PipelinePageExtractor(new ExtractionPipelineBuilder()
            .WithOptions(OptionsOf(sp.GetRequiredService<IOptions<NewsIngestOptions>>().Value.Extraction))
            .WithTimeProvider(sp.GetRequiredService<TimeProvider>())
            .Build()));
        services.TryAddSingleton<IngestionRuntimeFactory>();
        return services;
    }

    private static ExtractionOptions OptionsOf(ExtractionSettings settings) => new()
    {
        MaxPageTime = settings.MaxPageTime,
        MaxPreviewChars = settings.MaxPreviewChars,
        MaxPreviewBlocks = settings.MaxPreviewBlocks,
    };
}
