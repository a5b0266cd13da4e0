using System.Text.Json;
using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// <see cref="IStateStore"/> and the state interfaces beside it in a PostgreSQL schema (<c>State:Provider</c> =
/// <c>Postgres</c>). Each call takes a pooled connection of the shared <see cref="PostgresDatabase"/>, so calls run
/// concurrently (the server serializes what conflicts); a batch is one transaction sent as one
/// <see cref="NpgsqlBatch"/> (one round trip); a committed transaction is durable (the server's WAL is flushed at
/// commit), which is what "durable when it returns" asks of the record protocol. Instants are kept to the microsecond
/// (<see cref="PgValues.Micro"/>). The database itself is not disposed with the store: its owner
/// (<see cref="StateBackend"/>) closes it.
/// </summary>
public sealed partial class PostgresStateStore : IStateStore, IPassHistory, IHostStateStore, ISiteTemplateStore
{
    /// <summary>Statements per round trip when a list is long (a rebuild of the URL index).</summary>
    private const int BatchSize = 500;

    private const string PendingColumns = "url, record_id, version, content_hash, committed, began_at";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A store over <paramref name="database"/> (already migrated).</summary>
    public PostgresStateStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _dataSource = database.DataSource;
        Description = database.Description;
    }

    /// <summary>Where the state is (host, port, database, schema), for logs.</summary>
    public string Description { get; }

    public Task<UrlState?> GetAsync(string url, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {PgUrlRows.Columns} FROM urls WHERE url = $1", url, cancellationToken);

    public Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {PgUrlRows.Columns} FROM urls WHERE canonical_url = $1 ORDER BY url COLLATE \"C\" LIMIT 1", canonicalUrl, cancellationToken);

    public Task<IReadOnlyList<UrlState>> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {PgUrlRows.Columns} FROM urls WHERE record_id = $1 ORDER BY url COLLATE \"C\"", recordId, cancellationToken);

    public Task<IReadOnlyList<UrlState>> GetRecordedAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {PgUrlRows.Columns} FROM urls WHERE version > 0 ORDER BY url COLLATE \"C\"", null, cancellationToken);

    public async Task SaveAsync(UrlState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var command = _dataSource.CreateCommand(PgUrlRows.UpsertSql);
        command.Parameters.AddRange(PgUrlRows.Parameters(state));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task SaveAllAsync(IReadOnlyList<UrlState> states, CancellationToken cancellationToken) =>
        InTransactionAsync(
            (connection, transaction) => BatchesAsync(
                connection, transaction, states.Select(s => PgValues.BatchCommand(PgUrlRows.UpsertSql, PgUrlRows.Parameters(s))), cancellationToken),
            cancellationToken);

    public async Task<long> CountUrlsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM urls");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task BeginWriteAsync(PendingWrite pending, CancellationToken cancellationToken) =>
        BeginWritesAsync([pending], cancellationToken);

    public Task BeginWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        // The real clock, not the injected one: recovery compares it with output files' modification times.
        var began = DateTimeOffset.UtcNow;
        return InTransactionAsync((connection, transaction) => BatchesAsync(connection, transaction, pending.Select(write => PgValues.BatchCommand(
            $"""
            INSERT INTO pending_writes ({PendingColumns}) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (url, worker_id) DO UPDATE SET record_id = EXCLUDED.record_id, version = EXCLUDED.version,
                content_hash = EXCLUDED.content_hash, committed = EXCLUDED.committed, began_at = EXCLUDED.began_at
            """,
            PgValues.Text(write.Url),
            PgValues.Text(write.RecordId),
            PgValues.Int(write.Version),
            PgValues.Text(write.ContentHash),
            PgValues.Text(JsonSerializer.Serialize(write.Committed)),
            PgValues.Stamp(began))), cancellationToken), cancellationToken);
    }

    public Task CommitWriteAsync(string url, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var pending = (await ReadPendingAsync(connection, transaction, url, cancellationToken)).SingleOrDefault()
                ?? throw new InvalidOperationException($"no pending write for {url}");
            await CommitCoreAsync(connection, transaction, [pending], cancellationToken);
        }, cancellationToken);

    public Task CommitWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => CommitCoreAsync(connection, transaction, pending, cancellationToken), cancellationToken);

    public Task DropWriteAsync(string url, CancellationToken cancellationToken) =>
        DropWritesAsync([url], cancellationToken);

    public async Task DropWritesAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        // One statement is one transaction: every URL's pending write goes, or none.
        await using var command = _dataSource.CreateCommand("DELETE FROM pending_writes WHERE url = ANY($1) AND worker_id = ''");
        command.Parameters.Add(new NpgsqlParameter { Value = urls.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingWrite>> GetPendingWritesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadPendingAsync(connection, null, null, cancellationToken);
    }

    public async Task SaveArchiveEntryAsync(ArchiveEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO archive (url, source, path, final_url, charset, http_status, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (url) DO UPDATE SET source = EXCLUDED.source, path = EXCLUDED.path, final_url = EXCLUDED.final_url,
                charset = EXCLUDED.charset, http_status = EXCLUDED.http_status, fetched_at = EXCLUDED.fetched_at
            """);
        PgValues.AddAll(command.Parameters,
        [
            PgValues.Text(entry.Url), PgValues.Text(entry.Source), PgValues.Text(entry.Path), PgValues.Text(entry.FinalUrl),
            PgValues.Text(entry.Charset), PgValues.Int(entry.HttpStatus), PgValues.Stamp(entry.FetchedAt),
        ]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArchiveEntry>> GetArchiveEntriesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT url, source, path, final_url, charset, http_status, fetched_at FROM archive ORDER BY url COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ArchiveEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ArchiveEntry
            {
                Url = reader.GetString(0),
                Source = reader.GetString(1),
                Path = reader.GetString(2),
                FinalUrl = PgValues.TextOrNull(reader, 3),
                Charset = PgValues.TextOrNull(reader, 4),
                HttpStatus = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                FetchedAt = PgValues.StampOf(reader, 6),
            });
        }

        return entries;
    }

    /// <summary>Nothing to close: connections go back to the pool after each call; the database's owner closes it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task CommitCoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        await BatchesAsync(connection, transaction, pending.Select(write => PgValues.BatchCommand(PgUrlRows.UpsertSql, PgUrlRows.Parameters(write.Committed))), cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM pending_writes WHERE url = ANY($1) AND worker_id = ''", connection, transaction);
        delete.Parameters.Add(new NpgsqlParameter { Value = pending.Select(p => p.Url).ToArray() });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<PendingWrite>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string? url, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {PendingColumns} FROM pending_writes WHERE worker_id = ''" + (url is null ? " ORDER BY url COLLATE \"C\"" : " AND url = $1"), connection, transaction);
        if (url is not null)
        {
            command.Parameters.Add(PgValues.Text(url));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingWrite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var committed = JsonSerializer.Deserialize<UrlState>(reader.GetString(4))
                ?? throw new InvalidDataException($"pending write of {reader.GetString(0)} has no state");
            pending.Add(new PendingWrite(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), committed, PgValues.StampOf(reader, 5)));
        }

        return pending;
    }

    private async Task<UrlState?> SingleAsync(string sql, string parameter, CancellationToken cancellationToken) =>
        (await ListAsync(sql, parameter, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<UrlState>> ListAsync(string sql, string? parameter, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        if (parameter is not null)
        {
            command.Parameters.Add(PgValues.Text(parameter));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<UrlState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(PgUrlRows.Read(reader));
        }

        return rows;
    }

    /// <summary>Sends <paramref name="commands"/> in batches of <see cref="BatchSize"/> within <paramref name="transaction"/>.</summary>
    private static async Task BatchesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        foreach (var chunk in commands.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var command in chunk)
            {
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="body"/> in one transaction on a pooled connection, committed when it returns.</summary>
    private async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> body, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await body(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
