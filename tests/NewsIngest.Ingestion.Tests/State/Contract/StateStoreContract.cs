using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary><see cref="IStateStore"/>'s behaviour, asserted on every provider.</summary>
public abstract class StateStoreContract : StateContract
{
    private static readonly UrlState Full = new()
    {
        Url = "https://news.test/a",
        CanonicalUrl = "https://news.test/a?amp=0",
        ETag = "\"abc\"",
        LastModified = new DateTimeOffset(2026, 11, 27, 8, 30, 15, TimeSpan.Zero),
        ContentHash = "h1",
        LastFetchedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, 123, TimeSpan.Zero),
        LastStatus = "ok",
        Attempts = 2,
        Version = 3,
        Source = "news",
        RecordId = "id-a",
        LastError = "http-500 once",
        LastErrorAt = new DateTimeOffset(2026, 11, 28, 8, 0, 0, 7, TimeSpan.Zero),
    };

    [Fact]
    public async Task Remembers_every_field_of_a_url_across_a_restart()
    {
        await using (var backend = await State.OpenAsync())
        {
            await backend.Store.SaveAsync(Full, default);
        }

        await using (var backend = await State.OpenAsync())
        {
            Assert.Equal(Full, await backend.Store.GetAsync(Full.Url, default));
            Assert.Null(await backend.Store.GetAsync("https://news.test/never-seen", default));
            Assert.Equal(Full, await backend.Store.FindByCanonicalAsync("https://news.test/a?amp=0", default));
            Assert.Equal([Full], await backend.Store.FindByRecordIdAsync("id-a", default));
            Assert.Equal(1, await backend.Store.CountUrlsAsync(default));
        }
    }

    [Fact]
    public async Task An_instant_reads_back_within_a_microsecond_and_saving_what_was_read_changes_nothing()
    {
        // Given an instant with ticks below the microsecond and an offset other than UTC
        var at = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        await using var backend = await State.OpenAsync();

        await backend.Store.SaveAsync(new UrlState { Url = "u", LastFetchedAt = at, LastErrorAt = at }, default);
        var read = (await backend.Store.GetAsync("u", default))!;
        await backend.Store.SaveAsync(read, default);

        Assert.InRange((at - read.LastFetchedAt!.Value).Ticks, 0, 9);
        Assert.Equal(read, await backend.Store.GetAsync("u", default));
    }

    [Fact]
    public async Task A_pending_write_changes_the_url_state_only_when_committed()
    {
        await using var backend = await State.OpenAsync();
        var store = backend.Store;
        var before = new UrlState { Url = "u", ContentHash = "h1", Version = 1 };
        await store.SaveAsync(before, default);
        var after = before with { ContentHash = "h2", Version = 2, ETag = "\"e2\"", LastFetchedAt = Full.LastFetchedAt };

        await store.BeginWriteAsync(new PendingWrite("u", "id-u", 2, "h2", after), default);
        Assert.Equal(before, await store.GetAsync("u", default));
        var pending = Assert.Single(await store.GetPendingWritesAsync(default));
        Assert.Equal(("id-u", 2, "h2", after), (pending.RecordId, pending.Version, pending.ContentHash, pending.Committed));
        Assert.NotNull(pending.BeganAt);

        await store.CommitWriteAsync("u", default);
        Assert.Equal(after, await store.GetAsync("u", default));
        Assert.Empty(await store.GetPendingWritesAsync(default));
    }

    [Fact]
    public async Task Committing_a_url_with_no_pending_write_fails_and_changes_nothing()
    {
        await using var backend = await State.OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => backend.Store.CommitWriteAsync("u", default));

        Assert.Null(await backend.Store.GetAsync("u", default));
    }

    [Fact]
    public async Task A_dropped_write_leaves_the_url_state_as_it_was()
    {
        await using var backend = await State.OpenAsync();
        await backend.Store.BeginWriteAsync(new PendingWrite("u", "id-u", 1, "h1", new UrlState { Url = "u", Version = 1 }), default);

        await backend.Store.DropWriteAsync("u", default);

        Assert.Null(await backend.Store.GetAsync("u", default));
        Assert.Empty(await backend.Store.GetPendingWritesAsync(default));
    }

    [Fact]
    public async Task A_batch_begins_commits_and_drops_together_and_pending_writes_list_in_ordinal_url_order()
    {
        await using var backend = await State.OpenAsync();
        var store = backend.Store;
        // Upper case sorts before lower case ordinally (not in a linguistic collation).
        var urls = new[] { "https://n.test/b", "https://n.test/B", "https://n.test/a", "https://n.test/c" };
        var writes = urls.Select((u, i) => new PendingWrite(u, "id" + i, 1, "h" + i, new UrlState { Url = u, Version = 1, RecordId = "id" + i })).ToList();

        await store.BeginWritesAsync(writes, default);
        Assert.Equal(urls.Order(StringComparer.Ordinal), (await store.GetPendingWritesAsync(default)).Select(p => p.Url));

        await store.CommitWritesAsync([writes[0], writes[1]], default);
        await store.DropWritesAsync([writes[2].Url], default);

        Assert.Equal([writes[3].Url], (await store.GetPendingWritesAsync(default)).Select(p => p.Url));
        Assert.Equal(
            [writes[1].Committed, writes[0].Committed],
            await store.GetRecordedAsync(default));
        Assert.Null(await store.GetAsync(writes[2].Url, default));
    }

    [Fact]
    public async Task Beginning_a_write_again_replaces_the_pending_one()
    {
        await using var backend = await State.OpenAsync();
        var first = new PendingWrite("u", "id-u", 1, "h1", new UrlState { Url = "u", Version = 1 });
        var second = first with { Version = 2, ContentHash = "h2", Committed = first.Committed with { Version = 2 } };

        await backend.Store.BeginWriteAsync(first, default);
        await backend.Store.BeginWriteAsync(second, default);

        var pending = Assert.Single(await backend.Store.GetPendingWritesAsync(default));
        Assert.Equal((2, "h2"), (pending.Version, pending.ContentHash));
    }

    [Fact]
    public async Task Save_all_replaces_every_state_in_one_call_and_recorded_lists_only_written_urls_by_url()
    {
        await using var backend = await State.OpenAsync();
        await backend.Store.SaveAsync(new UrlState { Url = "z", Version = 1, ContentHash = "old" }, default);
        var states = Enumerable.Range(0, 1200)
            .Select(i => new UrlState { Url = $"u{i:D4}", Version = i % 3, RecordId = "r" + (i % 2) })
            .Append(new UrlState { Url = "z", Version = 2, ContentHash = "new" })
            .ToList();

        await backend.Store.SaveAllAsync(states, default);

        Assert.Equal(1201, await backend.Store.CountUrlsAsync(default));
        Assert.Equal("new", (await backend.Store.GetAsync("z", default))!.ContentHash);
        Assert.Equal(
            states.Where(s => s.Version > 0).Select(s => s.Url).Order(StringComparer.Ordinal),
            (await backend.Store.GetRecordedAsync(default)).Select(s => s.Url));
        Assert.Equal(
            states.Where(s => s.RecordId == "r1").Select(s => s.Url).Order(StringComparer.Ordinal),
            (await backend.Store.FindByRecordIdAsync("r1", default)).Select(s => s.Url));
    }

    [Fact]
    public async Task Keeps_one_archive_entry_per_url_the_latest()
    {
        await using var backend = await State.OpenAsync();
        var at = new DateTimeOffset(2026, 11, 28, 1, 2, 3, TimeSpan.Zero);
        await backend.Store.SaveArchiveEntryAsync(new ArchiveEntry { Url = "u", Source = "s", Path = "/a/1.gz", FetchedAt = at }, default);
        var latest = new ArchiveEntry { Url = "u", Source = "s", Path = "/a/2.gz", Charset = "iso-8859-1", HttpStatus = 200, FinalUrl = "https://x/u", FetchedAt = at.AddHours(1) };
        await backend.Store.SaveArchiveEntryAsync(latest, default);
        var other = new ArchiveEntry { Url = "a", Source = "s", Path = "/a/3.gz", FetchedAt = at };
        await backend.Store.SaveArchiveEntryAsync(other, default);

        Assert.Equal([other, latest], await backend.Store.GetArchiveEntriesAsync(default));
    }
}
