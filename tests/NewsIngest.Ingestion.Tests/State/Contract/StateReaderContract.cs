using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary>
/// The inspection commands' view (<see cref="IStateReader"/>) of what the stores wrote, pass history and host state
/// among it, asserted on every provider.
/// </summary>
public abstract class StateReaderContract : StateContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_no_state_yet_the_reader_is_null_and_nothing_is_created()
    {
        Assert.Null(await StateBackend.OpenReaderAsync(State.Options, default));

        Assert.Null(await StateBackend.OpenReaderAsync(State.Options, default));
        if (State.Provider == StateProvider.Postgres)
        {
            Assert.Equal(0, await State.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
        }
        else
        {
            Assert.False(File.Exists(State.Options.Path));
        }
    }

    [Fact]
    public async Task Failing_urls_come_most_recent_first_then_by_url_and_since_keeps_the_later_ones()
    {
        await using (var backend = await State.OpenAsync())
        {
            await backend.Store.SaveAllAsync(
            [
                new UrlState { Url = "https://n.test/ok", LastStatus = UrlStatuses.Ok, LastFetchedAt = T0.AddHours(5) },
                new UrlState { Url = "https://n.test/b", LastStatus = "http-500", LastFetchedAt = T0.AddHours(1), LastError = "boom", LastErrorAt = T0.AddHours(2) },
                new UrlState { Url = "https://n.test/B", LastStatus = "timeout", LastFetchedAt = T0.AddHours(2) },
                new UrlState { Url = "https://n.test/old", LastStatus = "http-404", LastFetchedAt = T0 },
                new UrlState { Url = "https://n.test/later", LastStatus = UrlStatuses.Deferred, LastFetchedAt = T0.AddHours(3) },
            ], default);
        }

        await using var reader = await State.ReaderAsync();

        Assert.Equal(
            ["https://n.test/later", "https://n.test/B", "https://n.test/b", "https://n.test/old"],
            (await reader.FailingAsync(null, default)).Select(u => u.Url));
        Assert.Equal(
            ["https://n.test/later", "https://n.test/B", "https://n.test/b"],
            (await reader.FailingAsync(T0.AddHours(2), default)).Select(u => u.Url));
    }

    [Fact]
    public async Task All_urls_come_most_recently_fetched_first_and_one_never_fetched_last()
    {
        await using (var backend = await State.OpenAsync())
        {
            await backend.Store.SaveAllAsync(
            [
                new UrlState { Url = "https://n.test/never" },
                new UrlState { Url = "https://n.test/first", LastFetchedAt = T0 },
                new UrlState { Url = "https://n.test/second", LastFetchedAt = T0.AddMinutes(1) },
            ], default);
        }

        await using var reader = await State.ReaderAsync();

        Assert.Equal(
            ["https://n.test/second", "https://n.test/first", "https://n.test/never"],
            (await reader.AllAsync(default)).Select(u => u.Url));
    }

    [Fact]
    public async Task A_url_is_found_by_its_address_its_canonical_and_its_record_id()
    {
        var state = new UrlState { Url = "https://n.test/a?x=1", CanonicalUrl = "https://n.test/a", RecordId = "rid", Version = 2, Source = "news", LastFetchedAt = T0 };
        await using (var backend = await State.OpenAsync())
        {
            await backend.Store.SaveAsync(state, default);
        }

        await using var reader = await State.ReaderAsync();

        Assert.Equal(state, await reader.FindUrlAsync(state.Url, default));
        Assert.Equal(state, await reader.FindByCanonicalAsync("https://n.test/a", default));
        Assert.Equal(state, await reader.FindByRecordIdAsync("rid", default));
        Assert.Null(await reader.FindUrlAsync("https://n.test/other", default));
        Assert.True(reader.HasHistory);
        Assert.Equal(State.Provider == StateProvider.Postgres ? NewsIngest.Ingestion.State.Postgres.PostgresDatabase.SchemaVersion : StateSchema.CurrentVersion, reader.SchemaVersion);
    }

    [Fact]
    public async Task Source_totals_count_urls_records_and_failing_urls_and_the_last_pass_is_the_latest_row()
    {
        var first = new PassSummary { Pages = 3, Fetched = 3, New = 3, Problems = ["feed: HTTP 503"] };
        var second = new PassSummary { Pages = 4, Fetched = 2, NotModified = 2, Failed = 1, Deferred = 1, Interrupted = true };
        await using (var backend = await State.OpenAsync())
        {
            await backend.Store.SaveAllAsync(
            [
                new UrlState { Url = "a1", Source = "a", Version = 2, LastStatus = UrlStatuses.Ok },
                new UrlState { Url = "a2", Source = "a", Version = 1, LastStatus = "http-500" },
                new UrlState { Url = "b1", Source = "b", Version = 0, LastStatus = UrlStatuses.RobotsDenied },
                new UrlState { Url = "none", Version = 1 },
            ], default);
            await backend.Passes.RecordPassesAsync([new PassRecord("a", T0, T0.AddSeconds(30), first), new PassRecord("b", T0, T0.AddSeconds(5), first)], default);
            await backend.Passes.RecordPassesAsync([new PassRecord("a", T0.AddHours(1), T0.AddHours(1).AddSeconds(90), second)], default);
        }

        await using var reader = await State.ReaderAsync();
        var totals = await reader.SourceTotalsAsync(default);
        var passes = await reader.LastPassesAsync(default);

        Assert.Equal(new SourceTotals(2, 3, 1), totals["a"]);
        Assert.Equal(new SourceTotals(1, 0, 0), totals["b"]);
        Assert.Equal(2, totals.Count);
        var last = passes["a"];
        Assert.Equal((T0.AddHours(1), T0.AddHours(1).AddSeconds(90), TimeSpan.FromSeconds(90)), (last.StartedAt, last.FinishedAt, last.Summary.Duration));
        Assert.Equal((4, 2, 2, 1, 1, true), (last.Summary.Pages, last.Summary.Fetched, last.Summary.NotModified, last.Summary.Failed, last.Summary.Deferred, last.Summary.Interrupted));
        Assert.Equal(["feed: HTTP 503"], passes["b"].Summary.Problems);
    }

    [Fact]
    public async Task Host_state_is_loaded_as_saved_the_latest_save_of_a_host_winning_and_listed_by_host()
    {
        var hostB = new HostRecord { Host = "b.test", LastRequestAt = T0, CrawlDelay = TimeSpan.FromSeconds(5), FailureStreak = 1, UpdatedAt = T0 };
        var hostA = new HostRecord { Host = "a.test", CooldownUntil = T0.AddMinutes(10), UpdatedAt = T0 };
        var robots = new RobotsRecord { Origin = "https://a.test", Text = "User-agent: *\nDisallow: /x", ExpiresAt = T0.AddDays(1), Reason = "fetched" };
        var denied = new RobotsRecord { Origin = "https://b.test", DisallowAll = true, ExpiresAt = T0.AddDays(1), DeniedOutcome = "RobotsUnavailable" };
        await using (var backend = await State.OpenAsync())
        {
            await backend.Hosts.SavePolitenessAsync(new PolitenessSnapshot([hostB with { FailureStreak = 0 }, hostA], [robots]), default);
            await backend.Hosts.SavePolitenessAsync(new PolitenessSnapshot([hostB], [denied]), default);
            await backend.Hosts.SavePolitenessAsync(PolitenessSnapshot.Empty, default);
        }

        await using (var backend = await State.OpenAsync())
        {
            var loaded = await backend.Hosts.LoadPolitenessAsync(default);
            Assert.Equal([hostA, hostB], loaded.Hosts.OrderBy(h => h.Host, StringComparer.Ordinal));
            Assert.Equal([robots, denied], loaded.Robots.OrderBy(r => r.Origin, StringComparer.Ordinal));
        }

        await using var reader = await State.ReaderAsync();
        Assert.Equal([hostA, hostB], await reader.HostsAsync(default));
    }
}
