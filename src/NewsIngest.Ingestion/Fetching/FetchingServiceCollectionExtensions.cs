using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.Telemetry;
using Polly.Telemetry;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>Registers polite, anonymous, resilient HTTP fetching.</summary>
public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>NewsIngest:Http</c> and <c>NewsIngest:Politeness</c> (validated at start), and registers the named
    /// HttpClient with its resilience pipeline, the robots.txt cache (<see cref="IRobotsPolicy"/>), the per-host gate
    /// and <see cref="IPageFetcher"/> (also resolvable as <see cref="HttpPageFetcher"/>, for composing with other
    /// fetchers). Works with or without a host.
    /// </summary>
    public static IServiceCollection AddNewsIngestFetching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PolitenessOptions>().Bind(configuration.GetSection(PolitenessOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        // Only MaxConcurrencyPerHost is read here (the unpaced per-host limit); the core validates the section.
        services.AddOptions<PassOptions>().Bind(configuration.GetSection(PassOptions.SectionName));
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<NewsIngestMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostGate>();
        services.TryAddSingleton<IHostPacing>(sp => sp.GetRequiredService<HostGate>());
        services.TryAddSingleton<BodyBudget>();
        services.TryAddSingleton<IFrontierAdmission>(sp => sp.GetRequiredService<BodyBudget>());
        services.TryAddSingleton<AddressGuard>();
        services.TryAddSingleton<RetryDecider>();
        services.TryAddSingleton<HopSender>();
        services.TryAddSingleton<RobotsCache>();
        services.TryAddSingleton<IRobotsPolicy>(sp => sp.GetRequiredService<RobotsCache>());
        services.TryAddSingleton<IPolitenessMemory>(sp => new PolitenessMemory(sp.GetRequiredService<HostGate>(), sp.GetRequiredService<RobotsCache>()));
        services.TryAddSingleton<Workers.SharedHostSlots>();
        services.TryAddTransient<PolitenessHandler>();
        // Registered as itself too, so a composite IPageFetcher (e.g. http + file:) can take it as a dependency.
        services.TryAddSingleton(sp => new HttpPageFetcher(
            sp.GetRequiredService<HopSender>(),
            sp.GetRequiredService<IRobotsPolicy>(),
            sp.GetRequiredService<AddressGuard>(),
            sp.GetRequiredService<IOptions<HttpOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HttpPageFetcher>>()));
        services.TryAddSingleton<IPageFetcher>(sp => sp.GetRequiredService<HttpPageFetcher>());

        services.AddHttpClient(HopSender.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", sp.GetRequiredService<IOptions<HttpOptions>>().Value.UserAgent);

                // Polly's total timeout and the body budget bound each request; HttpClient's own 100 s would only interfere.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // followed by HttpPageFetcher, hop by hop, through robots and the guard
                UseCookies = false, // anonymous: no session, no metering cookie
                Credentials = null,
                PreAuthenticate = false,
                UseProxy = false, // the guard must see the real peer, not a proxy
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler(FetchPipeline.Name, FetchPipeline.Configure)
            .SelectPipelineByAuthority();

        // One log line per retry is ours (FetchLog.Retrying); Polly's own events (two WRN/ERR lines per retry) are
        // not logged. Its metrics stay.
        services.PostConfigure<TelemetryOptions>(telemetry => telemetry.LoggerFactory = NullLoggerFactory.Instance);

        // Added after the resilience handler, so it sits inside it and runs once per attempt.
        services.AddHttpClient(HopSender.ClientName).AddHttpMessageHandler<PolitenessHandler>();
        return services;
    }
}
