using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// Read-only queries over a state file for the inspection commands (<c>status</c>, <c>show</c>, <c>failures</c>).
/// Opens the file read-only and never creates, migrates or locks it: WAL lets it read while a <c>once</c> or
/// <c>run</c> writes. A file of an older schema is read with what it has (no sources, reasons or passes).
/// </summary>
public sealed class StateReader : IStateReader
{
    private readonly SqliteConnection _connection;

    private StateReader(SqliteConnection connection, string path, int schemaVersion)
    {
        _connection = connection;
        Path = path;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }

    /// <summary>The state file (<see cref="Path"/>).</summary>
    public string Location => Path;

    /// <summary>The file's <c>user_version</c>.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Opens <paramref name="path"/> read-only; null when there is no such file (nothing is created). Throws
    /// <see cref="InvalidDataException"/> for a file of a newer schema and <see cref="SqliteException"/> for one
    /// that is not a state file.
    /// </summary>
    public static async Task<StateReader?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 10000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (version > StateSchema.CurrentVersion)
            {
                throw new InvalidDataException(
                    $"state file '{full}' has schema {version}, newer than this build's {StateSchema.CurrentVersion}; use a newer newsingest");
            }

            if (version == 0 || await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'urls';", cancellationToken) is 0L)
            {
                throw new InvalidDataException($"'{full}' is not a newsingest state file (no urls table)");
            }

            return new StateReader(connection, full, version);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the file records passes and failure reasons (schema 2 and later).</summary>
    public bool HasHistory => SchemaVersion >= 2;

    /// <summary>The state of <paramref name="url"/> (the key), or null.</summary>
    public Task<UrlState?> FindUrlAsync(string url, CancellationToken cancellationToken) =>
        SingleAsync("url = $p", url, cancellationToken);

    /// <summary>The state whose page named <paramref name="canonicalUrl"/> canonical, or null.</summary>
    public Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        SingleAsync("canonical_url = $p", canonicalUrl, cancellationToken);

    /// <summary>The state whose records carry <paramref name="recordId"/>, or null (always null before schema 2).</summary>
    public Task<UrlState?> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken) =>
        HasHistory ? SingleAsync("record_id = $p", recordId, cancellationToken) : Task.FromResult<UrlState?>(null);

    /// <summary>
    /// Failing URLs (see <see cref="UrlStatuses"/>) and those deferred to the next pass, most recent first; with
    /// <paramref name="since"/>, only those whose last failure or deferral is at or after it.
    /// </summary>
    public async Task<IReadOnlyList<UrlState>> FailingAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var failing = await QueryAsync(
            $"WHERE {UrlStatuses.FailingSql} OR last_status = '{UrlStatuses.Deferred}' ORDER BY url", null, cancellationToken);
        return FailingOrder.Apply(failing, since);
    }

    /// <summary>Every URL's state, most recently fetched first.</summary>
    public Task<IReadOnlyList<UrlState>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY last_fetched_at DESC, url", null, cancellationToken);

    /// <summary>Per source named in the state: URLs, records written (the sum of their versions) and failing URLs.</summary>
    public async Task<IReadOnlyDictionary<string, SourceTotals>> SourceTotalsAsync(CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, SourceTotals>(StringComparer.Ordinal);
        if (!HasHistory)
        {
            return totals;
        }

        await using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT source, count(*), coalesce(sum(version), 0), coalesce(sum(CASE WHEN {UrlStatuses.FailingSql} THEN 1 ELSE 0 END), 0)
            FROM urls WHERE source IS NOT NULL GROUP BY source;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals[reader.GetString(0)] = new SourceTotals(reader.GetInt32(1), reader.GetInt64(2), reader.GetInt32(3));
        }

        return totals;
    }

    /// <summary>The last recorded pass of each source (empty before schema 2).</summary>
    public async Task<IReadOnlyDictionary<string, PassRecord>> LastPassesAsync(CancellationToken cancellationToken)
    {
        var passes = new Dictionary<string, PassRecord>(StringComparer.Ordinal);
        if (!HasHistory)
        {
            return passes;
        }

        await using var command = _connection.CreateCommand();
        // A file not yet upgraded by a once or run counts no deferred pages.
        var columns = await ScalarAsync(_connection, "SELECT count(*) FROM pragma_table_info('passes') WHERE name = 'deferred';", cancellationToken) is 0L
            ? PassRows.Columns.Replace(", deferred", ", 0", StringComparison.Ordinal) : PassRows.Columns;
        command.CommandText = $"SELECT {columns} FROM passes WHERE id IN (SELECT max(id) FROM passes GROUP BY source);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var pass = PassRows.Read(reader);
            passes[pass.Source] = pass;
        }

        return passes;
    }

    /// <summary>What the state keeps of each host's pacing and cooldown (empty for a file that keeps none yet).</summary>
    public async Task<IReadOnlyList<HostRecord>> HostsAsync(CancellationToken cancellationToken)
    {
        if (await ScalarAsync(_connection, "SELECT count(*) FROM sqlite_master WHERE name = 'hosts';", cancellationToken) is 0L)
        {
            return [];
        }

        return await HostStateRows.ReadAllAsync(
            _connection, $"SELECT {HostStateRows.HostColumns} FROM hosts ORDER BY host;", HostStateRows.ReadHost, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private async Task<UrlState?> SingleAsync(string condition, string parameter, CancellationToken cancellationToken) =>
        (await QueryAsync($"WHERE {condition} ORDER BY url LIMIT 1", parameter, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<UrlState>> QueryAsync(string tail, string? parameter, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        // Schema 1 has no source, record id or failure reason: read them as null.
        var columns = HasHistory ? UrlStateRows.Columns : UrlStateRows.Columns.Replace(
            "source, record_id, last_error, last_error_at", "NULL, NULL, NULL, NULL", StringComparison.Ordinal);
        command.CommandText = $"SELECT {columns} FROM urls {tail};";
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p", parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<UrlState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(UrlStateRows.Read(reader));
        }

        return states;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
