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
/// The pass over the frontier with the real host gate on a fake clock: a host that must wait (cooldown, Crawl-delay)
/// waits alone, holding no slot, while the other hosts run at their own spacing.
/// </summary>
public sealed class HostAwarePassTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly PassOptions _pass = new() { MaxConcurrency = 2, MaxConcurrencyPerHost = 2 };
    private HostGate _gate = null!;
    private GateFetcher _fetcher = null!;
    private PassStorage _storage = null!;

    public async Task InitializeAsync()
    {
        var politeness = new PolitenessOptions { MinDelay = TimeSpan.FromSeconds(1), CooldownBase = TimeSpan.FromSeconds(30) };
        _gate = new HostGate(Options.Create(politeness), Options.Create(_pass), _time, NullLogger<HostGate>.Instance);
        _fetcher = new GateFetcher(_gate, _time);
        _storage = await PassStorage.OpenAsync(_dir.Combine("state.db"), _dir.Combine("records"), _time);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_host_in_429_cooldown_slows_only_itself_and_the_other_hosts_finish_at_the_floor()
    {
        // Given three hosts of five pages each, fewer slots than hosts, and a first host that answers its first request 429
        _fetcher.AnswerTooManyRequests("a.test", 1);

        // When one pass runs
        var summary = await RunAsync(Source("a", "a.test", 5), Source("b", "b.test", 5), Source("c", "c.test", 5));

        // Then b and c go at MinDelay from the first instant (0..4 s: the floor), and only a waits out its 30 s
        Assert.Equal(Seconds(0, 1, 2, 3, 4), _fetcher.StartsAt("b.test"));
        Assert.Equal(Seconds(0, 1, 2, 3, 4), _fetcher.StartsAt("c.test"));
        Assert.Equal(Seconds(0, 30, 31, 32, 33), _fetcher.StartsAt("a.test"));
        Assert.Equal((15, 14, 1), (summary.Pages, summary.New, summary.Failed));
        Assert.Equal(TimeSpan.FromSeconds(33), summary.Duration);
    }

    [Fact]
    public async Task A_host_with_crawl_delay_5_slows_only_itself_and_the_other_hosts_finish_at_the_floor()
    {
        _gate.SetCrawlDelay(new Uri("https://a.test/"), TimeSpan.FromSeconds(5));

        var summary = await RunAsync(Source("a", "a.test", 4), Source("b", "b.test", 4), Source("c", "c.test", 4));

        Assert.Equal(Seconds(0, 5, 10, 15), _fetcher.StartsAt("a.test"));
        Assert.Equal(Seconds(0, 1, 2, 3), _fetcher.StartsAt("b.test"));
        Assert.Equal(Seconds(0, 1, 2, 3), _fetcher.StartsAt("c.test"));
        Assert.Equal(12, summary.New);
    }

    [Fact]
    public async Task Many_hosts_run_side_by_side_so_the_pass_takes_one_hosts_time_not_the_sum()
    {
        // Given 40 hosts of 3 pages each (one source each), 4 slots
        _pass.MaxConcurrency = 4;
        var sources = Enumerable.Range(0, 40).Select(i => Source($"s{i}", $"h{i}.test", 3)).ToArray();

        var summary = await RunAsync(sources);

        // Then every host is served at 0, 1 and 2 s, and the pass ends at 2 s
        Assert.All(sources, s => Assert.Equal(Seconds(0, 1, 2), _fetcher.StartsAt(new Uri(s.Urls[0]).Authority)));
        Assert.Equal((120, TimeSpan.FromSeconds(2)), (summary.New, summary.Duration));
    }

    [Fact]
    public async Task A_source_with_many_pages_on_a_host_does_not_starve_a_small_source_on_the_same_host()
    {
        var big = Source("big", "news.test", 6);
        var small = new SourceOptions { Name = "small", Urls = ["https://news.test/small/0", "https://news.test/small/1"] };

        await RunAsync(big, small);

        // The two sources are discovered concurrently, so either may be queued first and have its first page served
        // before the other is queued; from then on they alternate, so the small source's pages come among the first
        // four, not after the big source's six.
        var order = _fetcher.Requests.Select(r => r.Url.AbsolutePath).ToList();
        Assert.Equal(8, order.Distinct().Count());
        Assert.Contains(order[..4], p => p.StartsWith("/big/", StringComparison.Ordinal));
        Assert.All(["/small/0", "/small/1"], page => Assert.InRange(order.IndexOf(page), 0, 3));
        Assert.NotEqual(order[0][..5], order[1][..5]);
        Assert.Equal(["/big/0", "/big/1", "/big/2", "/big/3", "/big/4", "/big/5"], order.Where(p => p.StartsWith("/big/", StringComparison.Ordinal)));
    }

    private Task<PassSummary> RunAsync(params SourceOptions[] sources)
    {
        var processor = new PageProcessor(_fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance);
        var pass = new IngestionPass([new FakeDiscoverer()], processor, _pass, _time, NullLogger<IngestionPass>.Instance, pacing: _gate);
        return FakeClockPass.RunAsync(pass, _time, sources);
    }

    private static SourceOptions Source(string name, string host, int pages) => new()
    {
        Name = name,
        Urls = [.. Enumerable.Range(0, pages).Select(i => $"https://{host}/{name}/{i}")],
    };

    private static DateTimeOffset[] Seconds(params int[] seconds) => [.. seconds.Select(s => T0.AddSeconds(s))];
}
