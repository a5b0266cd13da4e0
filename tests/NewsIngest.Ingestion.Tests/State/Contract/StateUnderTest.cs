using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;
using Npgsql;

namespace NewsIngest.Ingestion.Tests.State.Contract;

/// <summary>
/// A fresh state of one provider for one test: a SQLite file in a temporary folder, or a schema of its own on the
/// test PostgreSQL server (<see cref="TestPostgres"/>). Opened through <see cref="StateBackend"/>, as the runtime does.
/// </summary>
public sealed class StateUnderTest : IAsyncDisposable
{
    private readonly TempDirectory? _dir;
    private readonly TestSchema? _schema;

    private StateUnderTest(StateOptions options, TempDirectory? dir, TestSchema? schema)
    {
        Options = options;
        _dir = dir;
        _schema = schema;
    }

    /// <summary>The state options naming it.</summary>
    public StateOptions Options { get; }

    /// <summary>The provider's name, for messages.</summary>
    public StateProvider Provider => Options.Provider;

    public static Task<StateUnderTest> SqliteAsync()
    {
        var dir = new TempDirectory();
        // The folder exists, the file does not: what a first start finds.
        Directory.CreateDirectory(dir.Combine("state"));
        return Task.FromResult(new StateUnderTest(new StateOptions { Path = dir.Combine("state", "newsingest.db") }, dir, null));
    }

    public static async Task<StateUnderTest> PostgresAsync()
    {
        var schema = await TestPostgres.CreateSchemaAsync();
        return new StateUnderTest(new StateOptions { Provider = StateProvider.Postgres, ConnectionString = schema.ConnectionString }, null, schema);
    }

    /// <summary>Opens the state for writing (schema created or upgraded), as <c>once</c> and <c>run</c> do.</summary>
    public Task<StateBackend> OpenAsync() => StateBackend.OpenAsync(Options, CancellationToken.None);

    /// <summary>Opens the read-only view of the inspection commands; fails when there is no state yet.</summary>
    public async Task<IStateReader> ReaderAsync() =>
        await StateBackend.OpenReaderAsync(Options, CancellationToken.None) ?? throw new InvalidOperationException("no state yet");

    /// <summary>Each row's first column of <paramref name="sql"/> (SQL both engines read alike), as text.</summary>
    public async Task<List<string>> QueryAsync(string sql)
    {
        var rows = new List<string>();
        if (Provider == StateProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(Options.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={Options.Path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        return rows;
    }

    /// <summary>The single number <paramref name="sql"/> selects.</summary>
    public async Task<long> ScalarAsync(string sql) =>
        long.Parse((await QueryAsync(sql)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The hex form of a blob column in this engine's SQL.</summary>
    public string Hex(string column) => Provider == StateProvider.Postgres ? $"upper(encode({column}, 'hex'))" : $"hex({column})";

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        if (_dir is not null)
        {
            SqliteConnection.ClearAllPools();
            _dir.Dispose();
        }
    }
}
