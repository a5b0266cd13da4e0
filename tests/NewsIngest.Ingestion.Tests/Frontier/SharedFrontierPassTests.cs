using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.Tests.Passes;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Frontier;

/// <summary>
/// <c>run</c>'s passes over one long-lived frontier, with the real host gate on a fake clock: the passes share the
/// slots and each host's turns, and each ends, with its summary, when its own pages are done.
/// </summary>
public sealed class SharedFrontierPassTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Slow = new("https://slow.test/");
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly PassOptions _pass = new() { MaxConcurrency = 1, MaxConcurrencyPerHost = 2 };
    private readonly Channel<DateTimeOffset> _idle = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly CancellationTokenSource _stop = new();
    private HostGate _gate = null!;
    private GateFetcher _fetcher = null!;
    private PassStorage _storage = null!;
    private IngestionPass _ingestion = null!;

    public async Task InitializeAsync()
    {
        // No MinDelay: only the slow host, with its Crawl-delay of 5 s, is paced.
        var politeness = new PolitenessOptions { MinDelay = TimeSpan.Zero };
        _gate = new HostGate(Options.Create(politeness), Options.Create(_pass), _time, NullLogger<HostGate>.Instance);
        _gate.SetCrawlDelay(Slow, TimeSpan.FromSeconds(5));
        _fetcher = new GateFetcher(_gate, _time);
        _storage = await PassStorage.OpenAsync(_dir.Combine("state.db"), _dir.Combine("records"), _time);
        var processor = new PageProcessor(_fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance);
        _ingestion = new IngestionPass([new FakeDiscoverer()], processor, _pass, _time, NullLogger<IngestionPass>.Instance, pacing: _gate)
        {
            FrontierIdle = at => _idle.Writer.TryWrite(at),
        };
    }

    public async Task DisposeAsync()
    {
        _stop.Dispose();
        await _storage.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_slow_host_delays_only_its_own_pass_and_the_other_sources_pass_ends_with_its_summary_meanwhile()
    {
        await using var frontier = _ingestion.Share(_stop.Token);

        // Given a source on a host with Crawl-delay 5 and a source on an unpaced host, due at once, one slot in all
        var slow = _ingestion.RunAsync([Source("slow", "slow.test", 3)], frontier, _stop.Token);
        var fast = await _ingestion.RunAsync([Source("fast", "fast.test", 3)], frontier, _stop.Token);

        // Then the fast source's pass ends at once, its summary told, while the slow one waits for its host's turn
        // (waiting holds no slot)
        Assert.Equal((3, 3, TimeSpan.Zero), (fast.Pages, fast.New, fast.Duration));
        Assert.Equal(Seconds(0, 0, 0), _fetcher.StartsAt("fast.test"));
        Assert.False(slow.IsCompleted);

        // When the clock goes on to each of the slow host's turns
        var summary = await DriveAsync(slow);

        // Then the slow pass ends after its own two spacings
        Assert.Equal(Seconds(0, 5, 10), _fetcher.StartsAt("slow.test"));
        Assert.Equal((3, 3, TimeSpan.FromSeconds(10)), (summary.Pages, summary.New, summary.Duration));
    }

    [Fact]
    public async Task The_next_pass_of_a_source_queues_its_pages_again_and_a_stop_ends_a_pass_waiting_on_its_host()
    {
        await using var frontier = _ingestion.Share(_stop.Token);

        var first = await _ingestion.RunAsync([Source("fast", "fast.test", 2)], frontier, _stop.Token);
        var second = await _ingestion.RunAsync([Source("fast", "fast.test", 2)], frontier, _stop.Token);

        Assert.Equal((2, 2), (first.Pages, first.New));
        Assert.Equal((2, 2), (second.Pages, second.Unchanged));
        Assert.Equal(4, _fetcher.StartsAt("fast.test").Count());

        // Given a pass whose host makes it wait after its first page
        var slow = _ingestion.RunAsync([Source("slow", "slow.test", 3)], frontier, _stop.Token);
        Assert.Equal(T0.AddSeconds(5), await _idle.Reader.ReadAsync());

        // When the run is stopped
        await _stop.CancelAsync();
        var summary = await slow;

        // Then that pass ends interrupted, its pages not started counted as skipped
        Assert.True(summary.Interrupted);
        Assert.Equal((3, 1, 2), (summary.Pages, summary.New, summary.Skipped));
    }

    /// <summary>Moves the clock to each host's turn whenever nothing is in flight, until <paramref name="pass"/> ends.</summary>
    private async Task<PassSummary> DriveAsync(Task<PassSummary> pass)
    {
        while (true)
        {
            var next = _idle.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(pass, next) == pass)
            {
                return await pass;
            }

            if (await next is var at && at > _time.GetUtcNow())
            {
                _time.SetUtcNow(at);
            }
        }
    }

    private static SourceOptions Source(string name, string host, int pages) => new()
    {
        Name = name,
        Urls = [.. Enumerable.Range(0, pages).Select(i => $"https://{host}/{name}/{i}")],
    };

    private static DateTimeOffset[] Seconds(params int[] seconds) => [.. seconds.Select(s => T0.AddSeconds(s))];
}
