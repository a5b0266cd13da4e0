using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Storage;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Passes;

public sealed class IngestionPassTests : IAsyncLifetime
{
    private static readonly Uri A = new("https://news.test/a");
    private static readonly Uri B = new("https://news.test/b");
    private static readonly Uri C = new("https://other.test/c");

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeFetcher _fetcher = new();
    private PassStorage _storage = null!;

    private string OutputDirectory => _dir.Combine("records");

    public async Task InitializeAsync()
    {
        _storage = await PassStorage.OpenAsync(_dir.Combine("state.db"), OutputDirectory, _time);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_first_pass_writes_version_1_of_every_page()
    {
        _fetcher.Serve(A, "story a");
        _fetcher.Serve(B, "story b");

        var summary = await RunAsync(A, B);

        Assert.Equal((2, 2, 0, 0), (summary.Fetched, summary.New, summary.Changed, summary.Failed));
        Assert.Equal([("https://news.test/a", 1), ("https://news.test/b", 1)], WrittenRecords().Order());
        Assert.False(summary.HasFailures);
    }

    [Fact]
    public async Task A_page_whose_preview_is_unchanged_writes_nothing()
    {
        _fetcher.Serve(A, "story a");
        await RunAsync(A);

        // The server lost its validators (new ETag) but the text is the same.
        _fetcher.Serve(A, "story a");
        await _storage.State.SaveAsync((await _storage.State.GetAsync(A.AbsoluteUri, default))! with { ETag = "\"stale\"" }, default);
        var summary = await RunAsync(A);

        Assert.Equal((1, 0, 0, 1), (summary.Fetched, summary.New, summary.Changed, summary.Unchanged));
        Assert.Single(WrittenRecords());
    }

    [Fact]
    public async Task A_page_whose_preview_changed_gets_exactly_one_new_version()
    {
        _fetcher.Serve(A, "story a");
        await RunAsync(A);

        _fetcher.Serve(A, "story a, updated with a correction");
        var summary = await RunAsync(A);
        var again = await RunAsync(A);

        Assert.Equal(1, summary.Changed);
        Assert.Equal(1, again.NotModified);
        Assert.Equal([("https://news.test/a", 1), ("https://news.test/a", 2)], WrittenRecords());
        var state = await _storage.State.GetAsync(A.AbsoluteUri, default);
        Assert.Equal((2, "not-modified", 0), (state!.Version, state.LastStatus, state.Attempts));
    }

    [Fact]
    public async Task A_second_pass_sends_the_validators_and_counts_304s()
    {
        _fetcher.Serve(A, "story a");
        await RunAsync(A);

        var summary = await RunAsync(A);

        Assert.Equal((0, 1, 0), (summary.Fetched, summary.NotModified, summary.Written));
        Assert.Null(_fetcher.Requests[0].ETag);
        Assert.NotNull(_fetcher.Requests[1].ETag);
        Assert.Equal("not-modified", (await _storage.State.GetAsync(A.AbsoluteUri, default))!.LastStatus);
    }

    [Fact]
    public async Task Failing_pages_are_counted_and_remembered_while_the_other_pages_are_written()
    {
        var broken = new Uri("https://news.test/broken");
        var buggy = new Uri("https://news.test/buggy");
        var empty = new Uri("https://news.test/empty");
        _fetcher.Fail(broken, FetchOutcome.HttpError);
        _fetcher.Serve(buggy, "THROW");
        _fetcher.Serve(empty, "");
        _fetcher.Serve(A, "story a");

        var summary = await RunAsync(broken, buggy, empty, A);

        Assert.Equal((3, 1), (summary.Failed, summary.New));
        Assert.True(summary.HasFailures);
        var state = await _storage.State.GetAsync(broken.AbsoluteUri, default);
        Assert.Equal(("http-500", 1, 0), (state!.LastStatus, state.Attempts, state.Version));
        Assert.Equal("extract-rejected", (await _storage.State.GetAsync(empty.AbsoluteUri, default))!.LastStatus);
    }

    [Fact]
    public async Task Robots_denied_and_paywalled_pages_are_counted_apart_from_failures()
    {
        _fetcher.Fail(A, FetchOutcome.RobotsDenied);
        _fetcher.Serve(B, "teaser then PAYWALL");
        _fetcher.Serve(C, "free story");

        var summary = await RunAsync(A, B, C);

        Assert.Equal((1, 1, 0, 2), (summary.RobotsDenied, summary.Paywalled, summary.Failed, summary.New));
        Assert.Contains("robots-denied 1, paywalled 1", summary.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unavailable_robots_txt_is_counted_apart_and_fails_the_pass()
    {
        _fetcher.Fail(A, FetchOutcome.RobotsUnavailable);
        _fetcher.Fail(B, FetchOutcome.RobotsDenied);
        _fetcher.Serve(C, "free story");

        var summary = await RunAsync(A, B, C);

        Assert.Equal((1, 1, 0, 1), (summary.RobotsUnavailable, summary.RobotsDenied, summary.Failed, summary.New));
        Assert.True(summary.HasFailures);
        Assert.Contains("robots-denied 1, robots-unavailable 1, paywalled 0", summary.ToLine(), StringComparison.Ordinal);
        Assert.Equal("robots-unavailable", (await _storage.State.GetAsync(A.AbsoluteUri, default))!.LastStatus);
    }

    [Fact]
    public async Task A_discovery_problem_is_reported_without_stopping_the_source()
    {
        _fetcher.Serve(A, "story a");
        var pass = CreatePass(new FakeDiscoverer("feed https://news.test/rss answered 404"));

        var summary = await pass.RunAsync([Source(A)], default);

        Assert.Equal(1, summary.New);
        Assert.Equal(["test: feed https://news.test/rss answered 404"], summary.Problems);
        Assert.True(summary.HasFailures);
    }

    [Fact]
    public async Task Include_and_exclude_patterns_pick_the_pages()
    {
        _fetcher.Serve(A, "story a");
        _fetcher.Serve(B, "story b");
        _fetcher.Serve(C, "story c");
        var source = Source(A, B, C);
        source.Include.Add("news\\.test");
        source.Exclude.Add("/b$");

        var summary = await CreatePass(new FakeDiscoverer()).RunAsync([source], default);

        Assert.Equal(1, summary.Pages);
        Assert.Equal([("https://news.test/a", 1)], WrittenRecords());
    }

    [Fact]
    public async Task A_pass_asked_to_stop_before_it_starts_skips_its_pages_and_says_it_was_interrupted()
    {
        _fetcher.Serve(A, "story a");
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var summary = await CreatePass(new FakeDiscoverer()).RunAsync([Source(A)], stop.Token);

        Assert.True(summary.Interrupted);
        Assert.Empty(WrittenRecords());
        Assert.EndsWith("(interrupted)", summary.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_addresses_of_one_article_in_the_same_pass_write_one_record()
    {
        // Given two URLs whose pages name the same canonical URL and carry the same preview
        _fetcher.Serve(A, "story a|canonical=https://news.test/story");
        _fetcher.Serve(B, "story a|canonical=https://news.test/story");

        // When one pass fetches both (their records would share a batch)
        var summary = await RunAsync(A, B);

        // Then one is written and the other is unchanged
        Assert.Equal((2, 1, 1), (summary.Fetched, summary.New, summary.Unchanged));
        Assert.Single(WrittenRecords());
    }

    [Fact]
    public async Task Pages_whose_records_cannot_be_written_are_counted_failed_with_the_reason_and_written_by_the_next_pass()
    {
        // Given an output disk with no room left
        var disk = new FillingDisk(_dir.Combine("full")) { FreeBytes = 0 };
        await using (var writer = new RecordBatchWriter(_storage.State, disk, new OutputOptions(), _time, NullLogger.Instance))
        {
            _fetcher.Serve(A, "story a");
            _fetcher.Serve(B, "story b");

            // When a pass fetches two pages
            var processor = new PageProcessor(_fetcher, _storage.State, writer, null, new FakeExtractor(), _time, NullLogger.Instance);
            var summary = await new IngestionPass([new FakeDiscoverer()], processor, new PassOptions(), _time, NullLogger<IngestionPass>.Instance)
                .RunAsync([Source(A, B)], default);

            // Then both are failed, not new, and nothing says they were written
            Assert.Equal((2, 0, 2), (summary.Fetched, summary.New, summary.Failed));
            Assert.Empty(await _storage.State.GetPendingWritesAsync(default));
            var failed = (await _storage.State.GetAsync(A.AbsoluteUri, default))!;
            Assert.Null(failed.ContentHash);

            // And the state says why, for status and failures
            Assert.Equal(("write-failed", 1, _time.GetUtcNow()), (failed.LastStatus, failed.Attempts, failed.LastErrorAt));
            Assert.Contains("No space left on device", failed.LastError, StringComparison.Ordinal);
        }

        // And the next pass, with room on the output, writes them
        var next = await RunAsync(A, B);
        Assert.Equal(2, next.New);
        Assert.Equal([("https://news.test/a", 1), ("https://news.test/b", 1)], WrittenRecords().Order());
    }

    private Task<PassSummary> RunAsync(params Uri[] urls) => CreatePass(new FakeDiscoverer()).RunAsync([Source(urls)], default);

    private IngestionPass CreatePass(FakeDiscoverer discoverer)
    {
        var processor = new PageProcessor(_fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), _time, NullLogger.Instance);
        return new IngestionPass([discoverer], processor, new PassOptions(), _time, NullLogger<IngestionPass>.Instance);
    }

    private static SourceOptions Source(params Uri[] urls) => new() { Name = "test", Urls = urls.Select(u => u.AbsoluteUri).ToList() };

    private List<(string Url, int Version)> WrittenRecords() =>
        RecordFiles.List(OutputDirectory, "records")
            .SelectMany(f => File.ReadAllLines(f))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("url").GetString()!, r.GetProperty("version").GetInt32()))
            .ToList();
}
