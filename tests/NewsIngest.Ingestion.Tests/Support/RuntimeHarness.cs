using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Hosting;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Tests.Frontier;

namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>
/// One process's worth of ingestion, composed as the executable composes it (core, HTTP fetching, the runtime over a
/// real state file and output directory) on a fake clock. Each instance is a new process: its host gate and robots
/// cache start empty and take up what the state file kept. Test-sized settings: private networks allowed, no retries,
/// no pacing delay; each test overrides keys as it needs.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RuntimeHarness(ServiceProvider provider, IngestionRuntime runtime)
    {
        _provider = provider;
        Runtime = runtime;
    }

    public IngestionRuntime Runtime { get; }

    public NewsIngestOptions Options => Runtime.Options;

    /// <summary>The process's services (its body budget, for the memory tests).</summary>
    public IServiceProvider Services => _provider;

    public static async Task<RuntimeHarness> OpenAsync(string directory, FakeTimeProvider time, IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsIngest:Output:Directory"] = Path.Combine(directory, "records"),
            ["NewsIngest:State:Path"] = Path.Combine(directory, "state.db"),
            ["NewsIngest:Http:UserAgent"] = FetchHarness.UserAgent,
            ["NewsIngest:Http:AllowPrivateNetworks"] = "true",
            ["NewsIngest:Http:MaxRetries"] = "0",
            ["NewsIngest:Politeness:MinDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddLogging();
        services.AddNewsIngestCore(configuration).AddNewsIngestFetching(configuration);
        var provider = services.BuildServiceProvider();
        var runtime = await provider.GetRequiredService<IngestionRuntimeFactory>().OpenAsync(CancellationToken.None);
        return new RuntimeHarness(provider, runtime);
    }

    /// <summary>One pass over every configured source, the clock moved to each host's turn when nothing else can run.</summary>
    public Task<PassSummary> OnceAsync(FakeTimeProvider time) => FakeClockPass.RunAsync(Runtime.Pass, time, Options.Sources);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
