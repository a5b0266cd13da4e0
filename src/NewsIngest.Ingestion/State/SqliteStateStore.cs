using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// <see cref="IStateStore"/> in one SQLite file (WAL, FULL sync for the record protocol, busy timeout). Two connections: one for writes (one
/// caller at a time: SQLite serializes writers anyway) and one for the per-page lookups, so a page's read never
/// waits behind a batch's fsync (WAL readers do not block the writer, nor it them).
/// </summary>
public sealed partial class SqliteStateStore : IStateStore, IPassHistory, IHostStateStore, ISiteTemplateStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteConnection _reader;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(1, 1);

    /// <summary>The per-page lookups, prepared once on the read connection (guarded by <see cref="_readGate"/>).</summary>
    private readonly Dictionary<string, SqliteCommand> _lookups = new(StringComparer.Ordinal);

    /// <summary>The per-page and per-batch writes, prepared once on the write connection (guarded by <see cref="_gate"/>).</summary>
    private readonly PreparedCommands _writes;

    /// <summary>The write connection's <c>synchronous</c> level as last set (guarded by <see cref="_gate"/>).</summary>
    private string _synchronous = "FULL";

    private SqliteStateStore(SqliteConnection connection, SqliteConnection reader, string path)
    {
        _connection = connection;
        _reader = reader;
        _writes = new PreparedCommands(connection);
        Path = path;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the state file at <paramref name="path"/> and upgrades its schema.</summary>
    public static async Task<SqliteStateStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        var reader = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await StateSchema.MigrateAsync(connection, full, cancellationToken);
            await reader.OpenAsync(cancellationToken);
            return new SqliteStateStore(connection, reader, full);
        }
        catch
        {
            await reader.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<UrlState?> GetAsync(string url, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {UrlStateRows.Columns} FROM urls WHERE url = $p;", url, cancellationToken);

    public Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {UrlStateRows.Columns} FROM urls WHERE canonical_url = $p ORDER BY url LIMIT 1;", canonicalUrl, cancellationToken);

    public Task<IReadOnlyList<UrlState>> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken) =>
        QueryListAsync($"SELECT {UrlStateRows.Columns} FROM urls WHERE record_id = $p ORDER BY url;", recordId, cancellationToken);

    public Task<IReadOnlyList<UrlState>> GetRecordedAsync(CancellationToken cancellationToken) =>
        QueryListAsync($"SELECT {UrlStateRows.Columns} FROM urls WHERE version > 0 ORDER BY url;", null, cancellationToken);

    /// <summary>
    /// A visit that writes no record (304, unchanged, failed, robots) is committed without an fsync of its own
    /// (<c>synchronous = NORMAL</c> for that one statement): a kill loses nothing, a power cut may lose the latest of
    /// them (the page is fetched again), and the next record commit's fsync makes them durable. The record protocol's
    /// own transactions stay FULL.
    /// </summary>
    public Task SaveAsync(UrlState state, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await SetSynchronousAsync("NORMAL", cancellationToken);
            var command = Upsert(state, transaction: null);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task SaveAllAsync(IReadOnlyList<UrlState> states, CancellationToken cancellationToken) =>
        InTransactionAsync(async transaction =>
        {
            foreach (var state in states)
            {
                await Upsert(state, transaction).ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public Task<long> CountUrlsAsync(CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM urls;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public Task BeginWriteAsync(PendingWrite pending, CancellationToken cancellationToken) =>
        BeginWritesAsync([pending], cancellationToken);

    public Task BeginWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        InTransactionAsync(async transaction =>
        {
            var command = _writes.Get(PendingInsertSql, transaction);
            var url = PreparedCommands.Parameter(command, "$url");
            var id = PreparedCommands.Parameter(command, "$id");
            var version = PreparedCommands.Parameter(command, "$version");
            var hash = PreparedCommands.Parameter(command, "$hash");
            var committed = PreparedCommands.Parameter(command, "$committed");
            // The real clock, not the injected one: recovery compares it with output files' modification times.
            PreparedCommands.Parameter(command, "$began").Value = UrlStateRows.Format(DateTimeOffset.UtcNow);
            foreach (var write in pending)
            {
                url.Value = write.Url;
                id.Value = write.RecordId;
                version.Value = write.Version;
                hash.Value = write.ContentHash;
                committed.Value = JsonSerializer.Serialize(write.Committed);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public Task CommitWriteAsync(string url, CancellationToken cancellationToken) =>
        InTransactionAsync(async transaction =>
        {
            var pending = (await ReadPendingAsync(url, transaction, cancellationToken)).SingleOrDefault()
                ?? throw new InvalidOperationException($"no pending write for {url}");
            await CommitCoreAsync([pending], transaction, cancellationToken);
        }, cancellationToken);

    public Task CommitWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        InTransactionAsync(transaction => CommitCoreAsync(pending, transaction, cancellationToken), cancellationToken);

    public Task DropWriteAsync(string url, CancellationToken cancellationToken) =>
        DropWritesAsync([url], cancellationToken);

    public Task DropWritesAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken) =>
        InTransactionAsync(transaction => DeletePendingAsync(urls, transaction, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<PendingWrite>> GetPendingWritesAsync(CancellationToken cancellationToken) =>
        WithGateAsync(() => ReadPendingAsync(null, null, cancellationToken), cancellationToken);

    public Task SaveArchiveEntryAsync(ArchiveEntry entry, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await SetSynchronousAsync("FULL", cancellationToken);
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO archive (url, source, path, final_url, charset, http_status, fetched_at)
                VALUES ($url, $source, $path, $final, $charset, $status, $at);
                """;
            command.Parameters.AddWithValue("$url", entry.Url);
            command.Parameters.AddWithValue("$source", entry.Source);
            command.Parameters.AddWithValue("$path", entry.Path);
            command.Parameters.AddWithValue("$final", (object?)entry.FinalUrl ?? DBNull.Value);
            command.Parameters.AddWithValue("$charset", (object?)entry.Charset ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", (object?)entry.HttpStatus ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", UrlStateRows.Format(entry.FetchedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<ArchiveEntry>> GetArchiveEntriesAsync(CancellationToken cancellationToken) =>
        WithGateAsync<IReadOnlyList<ArchiveEntry>>(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT url, source, path, final_url, charset, http_status, fetched_at FROM archive ORDER BY url;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<ArchiveEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new ArchiveEntry
                {
                    Url = reader.GetString(0),
                    Source = reader.GetString(1),
                    Path = reader.GetString(2),
                    FinalUrl = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Charset = reader.IsDBNull(4) ? null : reader.GetString(4),
                    HttpStatus = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    FetchedAt = UrlStateRows.Parse(reader.GetString(6))!.Value,
                });
            }

            return entries;
        }, cancellationToken);

    public Task RecordPassesAsync(IReadOnlyList<PassRecord> passes, CancellationToken cancellationToken) =>
        InTransactionAsync(async transaction =>
        {
            await using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = PassRows.InsertSql;
            foreach (var pass in passes)
            {
                PassRows.Bind(command, pass);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);

    public Task<PolitenessSnapshot> LoadPolitenessAsync(CancellationToken cancellationToken) =>
        WithGateAsync(async () => new PolitenessSnapshot(
            await HostStateRows.ReadAllAsync(_connection, $"SELECT {HostStateRows.HostColumns} FROM hosts;", HostStateRows.ReadHost, cancellationToken),
            await HostStateRows.ReadAllAsync(_connection, $"SELECT {HostStateRows.RobotsColumns} FROM robots;", HostStateRows.ReadRobots, cancellationToken)),
            cancellationToken);

    /// <summary>
    /// Host state is advisory (no record depends on it): saved without an fsync of its own, like a visit that writes
    /// no record; the next record commit's fsync makes it durable.
    /// </summary>
    public Task SavePolitenessAsync(PolitenessSnapshot changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.IsEmpty ? Task.CompletedTask : InTransactionAsync(async transaction =>
        {
            await using var hosts = _connection.CreateCommand();
            hosts.Transaction = transaction;
            hosts.CommandText = HostStateRows.UpsertHostSql;
            foreach (var host in changes.Hosts)
            {
                HostStateRows.Bind(hosts, host);
                await hosts.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var robots = _connection.CreateCommand();
            robots.Transaction = transaction;
            robots.CommandText = HostStateRows.UpsertRobotsSql;
            foreach (var entry in changes.Robots)
            {
                HostStateRows.Bind(robots, entry);
                await robots.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken, fsync: false);
    }

    /// <summary>The write connection's <c>synchronous</c> level as SQLite reports it (tests: 1 NORMAL, 2 FULL).</summary>
    internal Task<long> ReadSynchronousAsync(CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _readGate.WaitAsync();
        await _gate.WaitAsync();
        try
        {
            foreach (var command in _lookups.Values)
            {
                await command.DisposeAsync();
            }

            await _writes.DisposeAsync();

            await _reader.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
            _readGate.Release();
            _readGate.Dispose();
        }
    }

    private const string PendingInsertSql = """
        INSERT OR REPLACE INTO pending_writes (url, record_id, version, content_hash, committed, began_at)
        VALUES ($url, $id, $version, $hash, $committed, $began);
        """;

    private const string PendingDeleteSql = "DELETE FROM pending_writes WHERE url = $url;";

    /// <summary>The prepared upsert of the write connection, bound to <paramref name="state"/>.</summary>
    private SqliteCommand Upsert(UrlState state, SqliteTransaction? transaction)
    {
        var command = _writes.Get(UrlStateRows.UpsertSql, transaction);
        UrlStateRows.Bind(command, state);
        return command;
    }

    private async Task CommitCoreAsync(IReadOnlyList<PendingWrite> pending, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var write in pending)
        {
            await Upsert(write.Committed, transaction).ExecuteNonQueryAsync(cancellationToken);
        }

        await DeletePendingAsync([.. pending.Select(p => p.Url)], transaction, cancellationToken);
    }

    private async Task<IReadOnlyList<UrlState>> QueryListAsync(string sql, string? parameter, CancellationToken cancellationToken)
    {
        await _readGate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _reader.CreateCommand();
            command.CommandText = sql;
            if (parameter is not null)
            {
                command.Parameters.AddWithValue("$p", parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<UrlState>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(UrlStateRows.Read(reader));
            }

            return rows;
        }
        finally
        {
            _readGate.Release();
        }
    }

    private async Task<UrlState?> QuerySingleAsync(string sql, string parameter, CancellationToken cancellationToken)
    {
        await _readGate.WaitAsync(cancellationToken);
        try
        {
            if (!_lookups.TryGetValue(sql, out var command))
            {
                command = _reader.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add("$p", SqliteType.Text);
                _lookups[sql] = command;
            }

            command.Parameters[0].Value = parameter;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? UrlStateRows.Read(reader) : null;
        }
        finally
        {
            _readGate.Release();
        }
    }

    private async Task<IReadOnlyList<PendingWrite>> ReadPendingAsync(
        string? url, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT url, record_id, version, content_hash, committed, began_at FROM pending_writes"
            + (url is null ? " ORDER BY url;" : " WHERE url = $url;");
        if (url is not null)
        {
            command.Parameters.AddWithValue("$url", url);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingWrite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var committed = JsonSerializer.Deserialize<UrlState>(reader.GetString(4))
                ?? throw new InvalidDataException($"pending write of {reader.GetString(0)} has no state");
            pending.Add(new PendingWrite(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), committed, UrlStateRows.Parse(reader.GetString(5))));
        }

        return pending;
    }

    private async Task DeletePendingAsync(IReadOnlyList<string> urls, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var command = _writes.Get(PendingDeleteSql, transaction);
        var url = PreparedCommands.Parameter(command, "$url");
        foreach (var each in urls)
        {
            url.Value = each;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Under the gate: sets the write connection's <c>synchronous</c> level for what runs next, only when it differs
    /// from the level last set. Every write sets the level it needs first, so the connection is never left at a level
    /// a later write relies on; pages that each write a NORMAL row cost no PRAGMA between them.
    /// </summary>
    private async Task SetSynchronousAsync(string level, CancellationToken cancellationToken)
    {
        if (_synchronous == level)
        {
            return;
        }

        // Set before running: should the PRAGMA fail, the next write sets its level again rather than trusting this one.
        _synchronous = "unknown";
        await _writes.Get($"PRAGMA synchronous = {level};", transaction: null).ExecuteNonQueryAsync(cancellationToken);
        _synchronous = level;
    }

    /// <summary>
    /// Runs <paramref name="body"/> in one write transaction: one fsync of the WAL for all its rows, or none with
    /// <paramref name="fsync"/> false (<c>synchronous = NORMAL</c> for it: a kill loses nothing, a power cut may).
    /// </summary>
    private Task InTransactionAsync(Func<SqliteTransaction, Task> body, CancellationToken cancellationToken, bool fsync = true) =>
        WithGateAsync(async () =>
        {
            await SetSynchronousAsync(fsync ? "FULL" : "NORMAL", cancellationToken);
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await body(transaction);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    private async Task WithGateAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WithGateAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _gate.Release();
        }
    }
}
