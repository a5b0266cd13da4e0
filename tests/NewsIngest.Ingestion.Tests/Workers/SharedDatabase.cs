using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Ingestion.Tests.Workers;

/// <summary>A fresh PostgreSQL schema migrated to this build, and helpers to make workers on it and move its clock.</summary>
internal sealed class SharedDatabase : IAsyncDisposable
{
    private readonly TestSchema _schema;

    private SharedDatabase(TestSchema schema, PostgresDatabase database)
    {
        _schema = schema;
        Database = database;
    }

    public PostgresDatabase Database { get; }

    public NpgsqlDataSource DataSource => Database.DataSource;

    public string ConnectionString => _schema.ConnectionString;

    public static async Task<SharedDatabase> OpenAsync()
    {
        var schema = await TestPostgres.CreateSchemaAsync();
        var named = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { ApplicationName = "shared-" + Guid.NewGuid().ToString("N")[..8] };
        return new SharedDatabase(schema, await PostgresDatabase.OpenAsync(named.ConnectionString, CancellationToken.None)) { _name = named.ApplicationName };
    }

    private string _name = "";

    /// <summary>Ends every server connection of this database's pool (<c>pg_terminate_backend</c>, as an operator or a failover does); how many.</summary>
    public async Task<long> EndConnectionsAsync()
    {
        await using var admin = new NpgsqlConnection(_schema.ConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", admin);
        kill.Parameters.Add(new NpgsqlParameter { Value = _name });
        return (long)(await kill.ExecuteScalarAsync())!;
    }

    public static FrontierItem Item(string url, string source = "news")
    {
        var uri = new Uri(url);
        return new FrontierItem(source, new DiscoveredUrl(uri), UrlCanonicalizer.Canonicalize(uri).AbsoluteUri, FrontierDispatcher.HostOf(uri));
    }

    /// <summary>Lets the lease of <paramref name="host"/> run out, as if its holder had not renewed it for longer than the TTL.</summary>
    public Task ExpireLeaseAsync(string host) =>
        ExecuteAsync("UPDATE host_leases SET lease_expires_at = now() - interval '1 second' WHERE host = $1", host);

    /// <summary>Lets the registration of <paramref name="worker"/> run out (it stopped renewing: killed or paused).</summary>
    public Task ExpireWorkerAsync(string worker) =>
        ExecuteAsync("UPDATE workers SET expires_at = now() - interval '1 second' WHERE id = $1", worker);

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    public async Task<List<string>> ColumnAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetValue(0).ToString()!);
        }

        return rows;
    }

    public static WorkerOptions Options(int maxPagesPerLease = 50, int claimBatch = 16) => new()
    {
        LeaseTtl = TimeSpan.FromSeconds(30),
        RenewPeriod = TimeSpan.FromSeconds(10),
        ClaimBatch = claimBatch,
        MaxLeases = 64,
        MaxPagesPerLease = maxPagesPerLease,
        MaxLeaseTime = TimeSpan.FromMinutes(5),
        PollInterval = TimeSpan.FromSeconds(1),
    };

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _schema.DisposeAsync();
    }
}
