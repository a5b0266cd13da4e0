using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.State;

/// <summary>The read-only side of the state, as the inspection commands open it.</summary>
public sealed class StateReaderTests : IDisposable
{
    /// <summary>The <c>urls</c> table as schema 1 made it, before failure reasons and passes.</summary>
    private const string SchemaOne = """
        CREATE TABLE urls (url TEXT PRIMARY KEY, canonical_url TEXT, etag TEXT, last_modified TEXT, content_hash TEXT,
            last_fetched_at TEXT, last_status TEXT, attempts INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 0);
        INSERT INTO urls (url, last_fetched_at, last_status, attempts, version)
            VALUES ('https://news.test/a', '2026-11-28T09:00:00.0000000+00:00', 'http-500', 2, 1);
        PRAGMA user_version = 1;
        """;

    private readonly TempDirectory _dir = new();

    private string DbPath => _dir.Combine("state", "newsingest.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_missing_state_file_is_null_and_is_not_created()
    {
        Assert.Null(await StateReader.OpenAsync(DbPath, default));

        Assert.False(Directory.Exists(Path.GetDirectoryName(DbPath)));
    }

    [Fact]
    public async Task A_schema_1_file_is_read_as_it_is_without_history_and_left_at_schema_1()
    {
        await WriteSchemaOneAsync();

        await using (var reader = (await StateReader.OpenAsync(DbPath, default))!)
        {
            Assert.False(reader.HasHistory);
            var failing = Assert.Single(await reader.FailingAsync(null, default));
            Assert.Equal(("http-500", null, null), (failing.LastStatus, failing.LastError, failing.Source));
            Assert.Empty(await reader.LastPassesAsync(default));
        }

        Assert.Equal(1L, await UserVersionAsync());
    }

    [Fact]
    public async Task Opening_a_schema_1_file_for_writing_migrates_it_and_keeps_its_urls()
    {
        await WriteSchemaOneAsync();

        await using (var store = await SqliteStateStore.OpenAsync(DbPath, default))
        {
            var kept = (await store.GetAsync("https://news.test/a", default))!;
            Assert.Equal(("http-500", 2, 1, null), (kept.LastStatus, kept.Attempts, kept.Version, kept.LastError));
        }

        Assert.Equal((long)StateSchema.CurrentVersion, await UserVersionAsync());
        await using var reader = (await StateReader.OpenAsync(DbPath, default))!;
        Assert.True(reader.HasHistory);
        Assert.Empty(await reader.LastPassesAsync(default));
    }

    [Fact]
    public async Task A_file_that_is_no_state_is_refused_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StateReader.OpenAsync(DbPath, default));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
    }

    private async Task WriteSchemaOneAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SchemaOne;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> UserVersionAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
