using Microsoft.Data.Sqlite;
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

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
