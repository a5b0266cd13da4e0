using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.Telemetry;
using NewsIngest.Ingestion.Tests.Passes;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Telemetry;

/// <summary>The meter as a pass fills it: the page counter agrees with the summary, records and extractions are counted.</summary>
public sealed class PassMetricsTests : IAsyncLifetime
{
    private static readonly Uri A = new("https://news.test/a");
    private static readonly Uri B = new("https://news.test/b");
    private static readonly Uri C = new("https://other.test/c");

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeFetcher _fetcher = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private NewsIngestMetrics _metrics = null!;
    private MeasurementRecorder _recorder = null!;
    private PassStorage _storage = null!;

    public async Task InitializeAsync()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _recorder = new MeasurementRecorder(factory);
        _metrics = new NewsIngestMetrics(factory);
        _storage = await PassStorage.OpenAsync(_dir.Combine("state.db"), _dir.Combine("records"), _time, _metrics);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _recorder.Dispose();
        await _services.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_pass_counts_each_page_once_by_its_final_outcome_as_the_summary_does()
    {
        _fetcher.Serve(A, "story a");
        _fetcher.Serve(B, "story b");
        _fetcher.Fail(C, FetchOutcome.HttpError);

        var first = await RunAsync(A, B, C);
        var second = await RunAsync(A, B, C);

        Assert.Equal((2, 1), (first.New, first.Failed));
        Assert.Equal((2, 1), (second.NotModified, second.Failed));
        Assert.Equal(2, _recorder.Sum(InstrumentNames.Pages, ("outcome", "new"), ("source", "test")));
        Assert.Equal(2, _recorder.Sum(InstrumentNames.Pages, ("outcome", "not-modified")));
        Assert.Equal(2, _recorder.Sum(InstrumentNames.Pages, ("outcome", "failed")));
        Assert.Equal(6, _recorder.Sum(InstrumentNames.Pages));
        Assert.Equal(2, _recorder.Sum(InstrumentNames.RecordsWritten));
        // Extracted: the two pages of the first pass (the second got 304s, the failed page was never extracted).
        Assert.Equal(["ok", "ok"], _recorder.Of(InstrumentNames.ExtractionDuration).Select(m => m.Tag("outcome")));
    }

    [Fact]
    public async Task Discovery_problems_are_counted_by_source()
    {
        _fetcher.Serve(A, "story a");

        var summary = await new IngestionPass([new FakeDiscoverer("feed https://news.test/rss answered 404", "sitemap unreadable")], Processor(), new PassOptions(),
            _time, NullLogger<IngestionPass>.Instance, new MetricsPassObserver(_metrics)).RunAsync([Source(A)], default);

        Assert.Equal(2, summary.Problems.Count);
        Assert.Equal(2, _recorder.Sum(InstrumentNames.DiscoveryProblems, ("source", "test")));
    }

    [Fact]
    public async Task The_frontier_size_is_what_waits_to_start_while_a_pass_runs_and_nothing_after_it()
    {
        _fetcher.Serve(A, "story a");
        _fetcher.Serve(B, "story b");
        _fetcher.Serve(C, "story c");
        var gated = new GatedFetcher(_fetcher);
        var processor = new PageProcessor(gated, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance, _metrics);
        var pass = new IngestionPass([new FakeDiscoverer()], processor, new PassOptions { MaxConcurrency = 1 }, _time,
            NullLogger<IngestionPass>.Instance, new MetricsPassObserver(_metrics)).RunAsync([Source(A, B, C)], default);

        // While the first page's fetch is held, the other two end up waiting in the frontier (discovery may still be
        // queueing them when the fetch starts: observe until both are in, or fail after the hang guard).
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var guard = Task.Delay(TimeSpan.FromSeconds(30));
        do
        {
            _recorder.Observe();
            await Task.Yield();
        }
        while (_recorder.Of(InstrumentNames.FrontierSize)[^1].Value < 2 && !guard.IsCompleted);

        var during = _recorder.Of(InstrumentNames.FrontierSize)[^1].Value;
        var observations = _recorder.Of(InstrumentNames.FrontierSize).Count;
        gated.Release.SetResult();
        await pass;
        _recorder.Observe();

        Assert.Equal(2, during);
        Assert.Equal(observations, _recorder.Of(InstrumentNames.FrontierSize).Count);
    }

    /// <summary>Holds the first fetch until released, so a test can look at a pass in the middle.</summary>
    private sealed class GatedFetcher(IPageFetcher inner) : IPageFetcher
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return await inner.FetchAsync(request, cancellationToken);
        }
    }

    private Task<PassSummary> RunAsync(params Uri[] urls) =>
        new IngestionPass([new FakeDiscoverer()], Processor(), new PassOptions(), _time, NullLogger<IngestionPass>.Instance,
            new PassObservers([new MetricsPassObserver(_metrics), new LoggingPassObserver(new PassOptions(), _time, NullLogger<IngestionPass>.Instance)]))
            .RunAsync([Source(urls)], default);

    private PageProcessor Processor() => new(_fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance, _metrics);

    private static SourceOptions Source(params Uri[] urls) => new() { Name = "test", Urls = urls.Select(u => u.AbsoluteUri).ToList() };
}
