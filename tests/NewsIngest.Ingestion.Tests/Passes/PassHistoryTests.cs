using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>What a pass leaves in the state for <c>status</c>, <c>show</c> and <c>failures</c>.</summary>
public sealed class PassHistoryTests : IAsyncLifetime
{
    private static readonly Uri A = new("https://news.test/a");
    private static readonly Uri B = new("https://news.test/b");
    private static readonly Uri C = new("https://other.test/c");

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeFetcher _fetcher = new();
    private PassStorage _storage = null!;

    private string StatePath => _dir.Combine("state.db");

    public async Task InitializeAsync()
    {
        _storage = await PassStorage.OpenAsync(StatePath, _dir.Combine("records"), _time);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_pass_over_two_sources_records_each_sources_own_counts_and_problems()
    {
        _fetcher.Serve(A, "story a");
        _fetcher.Serve(B, "story b");
        _fetcher.Fail(C, FetchOutcome.Timeout);
        var pass = CreatePass(new FakeDiscoverer("feed https://news.test/rss answered 500"));

        await pass.RunAsync([Source("news", A, B), Source("other", C)], default);

        await using var reader = (await StateReader.OpenAsync(StatePath, default))!;
        var passes = await reader.LastPassesAsync(default);
        var news = passes["news"].Summary;
        var other = passes["other"].Summary;
        Assert.Equal((2, 2, 2, 0), (news.Pages, news.Fetched, news.New, news.Failed));
        Assert.Equal((1, 0, 0, 1), (other.Pages, other.Fetched, other.New, other.Failed));
        Assert.Equal(["news: feed https://news.test/rss answered 500"], news.Problems);
        Assert.Equal(["other: feed https://news.test/rss answered 500"], other.Problems);
        Assert.Equal(_time.GetUtcNow(), passes["news"].StartedAt);
    }

    [Fact]
    public async Task The_last_pass_of_a_source_is_its_latest_row()
    {
        _fetcher.Serve(A, "story a");
        var pass = CreatePass(new FakeDiscoverer());
        await pass.RunAsync([Source("news", A)], default);
        _time.Advance(TimeSpan.FromMinutes(15));

        await pass.RunAsync([Source("news", A)], default);

        await using var reader = (await StateReader.OpenAsync(StatePath, default))!;
        var last = (await reader.LastPassesAsync(default))["news"];
        Assert.Equal(_time.GetUtcNow(), last.StartedAt);
        Assert.Equal((1, 0, 1), (last.Summary.Pages, last.Summary.New, last.Summary.NotModified));
    }

    [Fact]
    public async Task A_failure_keeps_its_reason_and_time_after_a_later_success_and_the_url_its_source_and_record_id()
    {
        _fetcher.Fail(A, FetchOutcome.HttpError);
        var pass = CreatePass(new FakeDiscoverer());
        await pass.RunAsync([Source("news", A)], default);
        var failedAt = _time.GetUtcNow();

        await using (var reader = (await StateReader.OpenAsync(StatePath, default))!)
        {
            var failing = Assert.Single(await reader.FailingAsync(null, default));
            Assert.Equal(("http-500", "HttpError for test", failedAt, "news"), (failing.LastStatus, failing.LastError, failing.LastErrorAt, failing.Source));
            Assert.Empty(await reader.FailingAsync(failedAt.AddTicks(1), default));
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        _fetcher.Clear(A);
        _fetcher.Serve(A, "story a");
        await pass.RunAsync([Source("news", A)], default);

        await using (var reader = (await StateReader.OpenAsync(StatePath, default))!)
        {
            Assert.Empty(await reader.FailingAsync(null, default));
            var state = (await reader.FindUrlAsync(A.AbsoluteUri, default))!;
            Assert.Equal(("ok", "HttpError for test", failedAt, 1), (state.LastStatus, state.LastError, state.LastErrorAt, state.Version));
            Assert.NotNull(state.RecordId);
            Assert.Equal(state, await reader.FindByRecordIdAsync(state.RecordId, default));
        }
    }

    [Fact]
    public async Task A_pass_stopped_past_its_grace_is_still_recorded_as_interrupted()
    {
        // Given a pass whose one page is in flight when a stop comes with no grace for it
        var inFlight = _fetcher.Hang(A);
        using var stop = new CancellationTokenSource();
        var pass = CreatePass(new FakeDiscoverer(), new PassOptions { ShutdownGrace = TimeSpan.Zero });
        var running = pass.RunAsync([Source("news", A)], stop.Token);
        await inFlight;

        await stop.CancelAsync();
        await running;

        // Then status still learns about the pass, and that it was cut short
        await using var reader = (await StateReader.OpenAsync(StatePath, default))!;
        var last = (await reader.LastPassesAsync(default))["news"];
        Assert.True(last.Summary.Interrupted);
        Assert.Equal((1, 1), (last.Summary.Pages, last.Summary.Skipped));
    }

    private IngestionPass CreatePass(FakeDiscoverer discoverer, PassOptions? options = null)
    {
        var processor = new PageProcessor(_fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance);
        return new IngestionPass([discoverer], processor, options ?? new PassOptions(), _time, NullLogger<IngestionPass>.Instance, history: _storage.State);
    }

    private static SourceOptions Source(string name, params Uri[] urls) => new() { Name = name, Urls = urls.Select(u => u.AbsoluteUri).ToList() };
}
