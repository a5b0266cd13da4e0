using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>
/// A fetcher built the way the application builds it (<see cref="FetchingServiceCollectionExtensions.AddNewsIngestFetching"/>
/// over configuration keys), with test-sized defaults: private networks allowed (the servers are on 127.0.0.1),
/// no pacing delay and short retry delays. Each test overrides keys as it needs.
/// </summary>
public sealed class FetchHarness : IAsyncDisposable
{
    public const string UserAgent = "NewsIngestTest/2.0 (+https://example.invalid/bot)";

    private static readonly Lazy<Task> WarmUp = new(WarmUpOnceAsync);
    private readonly ServiceProvider _provider;

    /// <param name="overrides">Configuration keys over the test-sized defaults.</param>
    /// <param name="time">The clock of the fetcher (its host gate, robots cache and resilience pipeline); null is the system clock.</param>
    /// <param name="services">Registrations made before the fetcher's own (they win: its registrations are TryAdd).</param>
    public FetchHarness(IDictionary<string, string?>? overrides = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsIngest:Http:UserAgent"] = UserAgent,
            ["NewsIngest:Http:AllowPrivateNetworks"] = "true",
            ["NewsIngest:Http:RetryBaseDelay"] = "00:00:00.020",
            ["NewsIngest:Http:AttemptTimeout"] = "00:00:02",
            ["NewsIngest:Http:TotalTimeout"] = "00:00:05",
            ["NewsIngest:Politeness:MinDelay"] = "00:00:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        _provider = collection.AddNewsIngestFetching(configuration).BuildServiceProvider();
    }

    public IPageFetcher Fetcher => _provider.GetRequiredService<IPageFetcher>();

    /// <summary>The harness's services (its meter factory, for the metrics tests).</summary>
    public IServiceProvider Services => _provider;

    public IRobotsPolicy Robots => _provider.GetRequiredService<IRobotsPolicy>();

    /// <summary>The host gate as the frontier sees it.</summary>
    public IHostPacing Pacing => _provider.GetRequiredService<IHostPacing>();

    public Task<FetchResult> FetchAsync(Uri url, string? etag = null, DateTimeOffset? lastModified = null) =>
        Fetcher.FetchAsync(new FetchRequest(url, etag, lastModified), CancellationToken.None);

    /// <summary>
    /// Runs one fetch per process before a timing assertion, so the first test does not measure the JIT of Kestrel,
    /// HttpClient and Polly (seconds on a loaded 2-core machine) instead of the behaviour under test.
    /// </summary>
    public static Task WarmUpAsync() => WarmUp.Value;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static async Task WarmUpOnceAsync()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/warm", () => Results.Text("warm"));
        });
        await using var harness = new FetchHarness();
        await harness.FetchAsync(server.Url("/warm"));
    }
}
