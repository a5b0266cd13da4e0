using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// <see cref="IStateReader"/> over the PostgreSQL state: SELECTs only, on a data source of its own that never
/// migrates, so <c>status</c>, <c>show</c> and <c>failures</c> read beside running workers (MVCC: they never wait
/// for a writer, nor it for them).
/// </summary>
public sealed class PostgresStateReader : IStateReader
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStateReader(NpgsqlDataSource dataSource, string location, int schemaVersion)
    {
        _dataSource = dataSource;
        Location = location;
        SchemaVersion = schemaVersion;
    }

    public string Location { get; }

    public int SchemaVersion { get; }

    /// <summary>Always: every PostgreSQL schema keeps passes and reasons.</summary>
    public bool HasHistory => true;

    /// <summary>
    /// Connects to <paramref name="connectionString"/>; null when its schema holds no state (no
    /// <c>newsingest_schema</c>: no worker has started on it). Throws <see cref="InvalidDataException"/> for a schema
    /// of a newer build and <see cref="NpgsqlException"/> when the server cannot be reached or refuses.
    /// </summary>
    public static async Task<PostgresStateReader?> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            var location = PostgresDatabase.Describe(new NpgsqlConnectionStringBuilder(connectionString));
            await using var command = dataSource.CreateCommand("SELECT to_regclass('newsingest_schema') IS NOT NULL");
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                await dataSource.DisposeAsync();
                return null;
            }

            command.CommandText = "SELECT coalesce(max(version), 0) FROM newsingest_schema";
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (version > PostgresDatabase.SchemaVersion)
            {
                throw new InvalidDataException(
                    $"the PostgreSQL state {location} has schema {version}, newer than this build's {PostgresDatabase.SchemaVersion}; use a newer newsingest");
            }

            return new PostgresStateReader(dataSource, location, version);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public Task<UrlState?> FindUrlAsync(string url, CancellationToken cancellationToken) =>
        SingleAsync("url = $1", url, cancellationToken);

    public Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        SingleAsync("canonical_url = $1", canonicalUrl, cancellationToken);

    public Task<UrlState?> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken) =>
        SingleAsync("record_id = $1", recordId, cancellationToken);

    public async Task<IReadOnlyList<UrlState>> FailingAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        FailingOrder.Apply(
            await QueryAsync($"WHERE {UrlStatuses.FailingSql} OR last_status = '{UrlStatuses.Deferred}'", null, cancellationToken), since);

    public Task<IReadOnlyList<UrlState>> AllAsync(CancellationToken cancellationToken) =>
        // NULLS LAST: SQLite's order (a URL never fetched comes after every fetched one).
        QueryAsync("ORDER BY last_fetched_at DESC NULLS LAST, url COLLATE \"C\"", null, cancellationToken);

    public async Task<IReadOnlyDictionary<string, SourceTotals>> SourceTotalsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT source, count(*), coalesce(sum(version), 0), count(*) FILTER (WHERE {UrlStatuses.FailingSql})
            FROM urls WHERE source IS NOT NULL GROUP BY source
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new Dictionary<string, SourceTotals>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals[reader.GetString(0)] = new SourceTotals(
                (int)reader.GetInt64(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), (int)reader.GetInt64(3));
        }

        return totals;
    }

    public async Task<IReadOnlyDictionary<string, PassRecord>> LastPassesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT DISTINCT ON (source) {PassRows.Columns} FROM passes ORDER BY source, id DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var passes = new Dictionary<string, PassRecord>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var pass = PgPassRows.Read(reader);
            passes[pass.Source] = pass;
        }

        return passes;
    }

    public async Task<IReadOnlyList<HostRecord>> HostsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresStateStore.ReadAllAsync(
            connection, $"SELECT {HostStateRows.HostColumns} FROM hosts ORDER BY host COLLATE \"C\"", PostgresStateStore.ReadHost, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkerRecord>> WorkersAsync(CancellationToken cancellationToken)
    {
        if (SchemaVersion < 2)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand("""
            SELECT w.id, w.epoch, w.started_at, w.heartbeat_at, w.expires_at,
                CASE WHEN w.adopted_by IS NOT NULL THEN 'adopted by ' || w.adopted_by
                     WHEN w.stopped_at IS NOT NULL THEN 'stopped'
                     WHEN w.expires_at < now() THEN 'presumed dead'
                     ELSE 'running' END,
                (SELECT count(*) FROM host_leases h WHERE h.worker_id = w.id AND h.lease_expires_at > now()),
                coalesce((SELECT array_agg(host ORDER BY host) FROM (
                    SELECT host FROM host_leases h WHERE h.worker_id = w.id AND h.lease_expires_at > now()
                    ORDER BY host COLLATE "C" LIMIT 5) held), '{}')
            FROM workers w ORDER BY w.id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var workers = new List<WorkerRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            workers.Add(new WorkerRecord(
                reader.GetString(0), reader.GetInt64(1), PgValues.StampOf(reader, 2), PgValues.StampOf(reader, 3), PgValues.StampOf(reader, 4),
                reader.GetString(5), (int)reader.GetInt64(6), reader.GetFieldValue<string[]>(7)));
        }

        return workers;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<UrlState?> SingleAsync(string condition, string parameter, CancellationToken cancellationToken) =>
        (await QueryAsync($"WHERE {condition} ORDER BY url COLLATE \"C\" LIMIT 1", parameter, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<UrlState>> QueryAsync(string tail, string? parameter, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {PgUrlRows.Columns} FROM urls {tail}");
        if (parameter is not null)
        {
            command.Parameters.Add(PgValues.Text(parameter));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<UrlState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(PgUrlRows.Read(reader));
        }

        return states;
    }
}
