using Microsoft.Data.Sqlite;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.State;

/// <summary>What only the SQLite file does (WAL, user_version); the store's behaviour is <see cref="Contract.StateStoreContract"/>'s.</summary>
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
    public async Task Each_write_runs_at_its_own_sync_level_whatever_ran_before_it()
    {
        // Given a store whose write connection keeps the last level set (a PRAGMA only when it changes)
        await using var store = await SqliteStateStore.OpenAsync(DbPath, default);
        var pending = new PendingWrite("u", "id", 1, "h", new UrlState { Url = "u", Version = 1 });
        var steps = new (string Name, Func<Task> Write, long Level)[]
        {
            ("visit", () => store.SaveAsync(new UrlState { Url = "v" }, default), 1),
            ("begin", () => store.BeginWritesAsync([pending], default), 2),
            ("host state", () => store.SavePolitenessAsync(new PolitenessSnapshot([new HostRecord { Host = "h" }], []), default), 1),
            ("archive", () => store.SaveArchiveEntryAsync(new ArchiveEntry { Url = "u", Source = "s", Path = "p", FetchedAt = DateTimeOffset.UnixEpoch }, default), 2),
            ("template page", () => store.SaveTemplatePageAsync("site", new PageSample("p", "c", [1UL]), 8, default), 1),
            ("commit", () => store.CommitWritesAsync([pending], default), 2),
            ("visit again", () => store.SaveAsync(new UrlState { Url = "v" }, default), 1),
            ("passes", () => store.RecordPassesAsync([], default), 2),
        };

        foreach (var (name, write, level) in steps)
        {
            // When it writes, then the connection is at that write's level: FULL (2) for the record protocol, NORMAL (1) else
            await write();
            Assert.True(level == await store.ReadSynchronousAsync(default), $"{name} ran at the wrong level");
        }
    }

    [Fact]
    public async Task A_reused_upsert_writes_no_value_of_the_row_before()
    {
        await using var store = await SqliteStateStore.OpenAsync(DbPath, default);
        var at = DateTimeOffset.UnixEpoch.AddDays(1);
        await store.SaveAsync(new UrlState
        {
            Url = "a",
            CanonicalUrl = "c",
            ETag = "e",
            LastModified = at,
            ContentHash = "h",
            LastFetchedAt = at,
            LastStatus = "ok",
            Attempts = 2,
            Version = 3,
            Source = "s",
            RecordId = "r",
            LastError = "x",
            LastErrorAt = at,
        }, default);
        await store.SaveAsync(new UrlState { Url = "b" }, default);

        Assert.Equal(new UrlState { Url = "b" }, await store.GetAsync("b", default));
        Assert.Equal("e", (await store.GetAsync("a", default))!.ETag);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
