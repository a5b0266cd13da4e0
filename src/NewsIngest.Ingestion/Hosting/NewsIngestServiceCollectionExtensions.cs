using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsIngest.Extraction;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Fetching.Local;
using NewsIngest.Ingestion.Passes;

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
        services.TryAddSingleton<FileFetcher>();
        // http(s) goes to whatever IPageFetcher is registered (the HTTP fetcher, once AddNewsIngestFetching is called
        // by the executable); without one, http(s) URLs fail with a clear "no HTTP fetcher" reason.
        services.TryAddSingleton(sp => new PageFetcherRouter(sp.GetRequiredService<FileFetcher>(), sp.GetService<IPageFetcher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleDiscoverer, UrlListDiscoverer>());
        services.TryAddSingleton<IPageExtractor>(sp => new PipelinePageExtractor(new ExtractionPipelineBuilder()
            .WithOptions(new ExtractionOptions { MaxPageTime = sp.GetRequiredService<IOptions<NewsIngestOptions>>().Value.Extraction.MaxPageTime })
            .WithTimeProvider(sp.GetRequiredService<TimeProvider>())
            .Build()));
        services.TryAddSingleton<IngestionRuntimeFactory>();
        return services;
    }
}
