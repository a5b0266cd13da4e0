using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.State;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DbPath => _dir.Combine("state", "newsingest.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Remembers_every_field_of_a_url_across_a_restart()
    {
        var state = new UrlState
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
        };
        await using (var store = await SqliteStateStore.OpenAsync(DbPath, default))
        {
            await store.SaveAsync(state, default);
        }

        await using (var store = await SqliteStateStore.OpenAsync(DbPath, default))
        {
            Assert.Equal(state, await store.GetAsync(state.Url, default));
            Assert.Null(await store.GetAsync("https://news.test/never-seen", default));
            Assert.Equal(state, await store.FindByCanonicalAsync("https://news.test/a?amp=0", default));
        }
    }

    [Fact]
    public async Task Uses_WAL_and_records_its_schema_version_in_user_version()
    {
        await using (var store = await SqliteStateStore.OpenAsync(DbPath, default))
        {
            await store.SaveAsync(new UrlState { Url = "u" }, default);
        }

        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)StateSchema.CurrentVersion, await ScalarAsync(connection, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task Refuses_a_state_file_written_by_a_newer_schema()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, "PRAGMA user_version = 99;");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteStateStore.OpenAsync(DbPath, default));
        Assert.Contains("schema 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_write_changes_the_url_state_only_when_committed()
    {
        await using var store = await SqliteStateStore.OpenAsync(DbPath, default);
        var before = new UrlState { Url = "u", ContentHash = "h1", Version = 1 };
        await store.SaveAsync(before, default);
        var after = before with { ContentHash = "h2", Version = 2, ETag = "\"e2\"" };

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
    public async Task A_dropped_write_leaves_the_url_state_as_it_was()
    {
        await using var store = await SqliteStateStore.OpenAsync(DbPath, default);
        await store.BeginWriteAsync(new PendingWrite("u", "id-u", 1, "h1", new UrlState { Url = "u", Version = 1 }), default);

        await store.DropWriteAsync("u", default);

        Assert.Null(await store.GetAsync("u", default));
        Assert.Empty(await store.GetPendingWritesAsync(default));
    }

    [Fact]
    public async Task Keeps_one_archive_entry_per_url_the_latest()
    {
        await using var store = await SqliteStateStore.OpenAsync(DbPath, default);
        var at = new DateTimeOffset(2026, 11, 28, 1, 2, 3, TimeSpan.Zero);
        await store.SaveArchiveEntryAsync(new ArchiveEntry { Url = "u", Source = "s", Path = "/a/1.gz", FetchedAt = at }, default);
        var latest = new ArchiveEntry { Url = "u", Source = "s", Path = "/a/2.gz", Charset = "iso-8859-1", HttpStatus = 200, FinalUrl = "https://x/u", FetchedAt = at.AddHours(1) };
        await store.SaveArchiveEntryAsync(latest, default);

        Assert.Equal([latest], await store.GetArchiveEntriesAsync(default));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
