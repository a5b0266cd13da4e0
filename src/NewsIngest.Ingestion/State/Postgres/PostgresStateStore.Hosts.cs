using System.Text.Json;
using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// <see cref="IHostStateStore"/>, <see cref="ISharedRobotsVerdicts"/> and <see cref="IPassHistory"/> in the tables <c>hosts</c>,
/// <c>robots</c> and <c>passes</c>.
/// </summary>
public sealed partial class PostgresStateStore : ISharedRobotsVerdicts
{
    private const string UpsertHostSql = $"""
        INSERT INTO hosts ({HostStateRows.HostColumns}) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (host) DO UPDATE SET last_request_at = EXCLUDED.last_request_at, crawl_delay_ms = EXCLUDED.crawl_delay_ms,
            cooldown_until = EXCLUDED.cooldown_until, failure_streak = EXCLUDED.failure_streak, updated_at = EXCLUDED.updated_at
        """;

    private const string UpsertRobotsSql = $"""
        INSERT INTO robots ({HostStateRows.RobotsColumns}) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (origin) DO UPDATE SET text = EXCLUDED.text, disallow_all = EXCLUDED.disallow_all,
            expires_at = EXCLUDED.expires_at, denied_outcome = EXCLUDED.denied_outcome, reason = EXCLUDED.reason
        """;

    private const string InsertPassSql = $"""
        INSERT INTO passes ({PassRows.Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        """;

    public async Task<PolitenessSnapshot> LoadPolitenessAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return new PolitenessSnapshot(
            await ReadAllAsync(connection, $"SELECT {HostStateRows.HostColumns} FROM hosts", ReadHost, cancellationToken),
            await ReadAllAsync(connection, $"SELECT {HostStateRows.RobotsColumns} FROM robots", ReadRobots, cancellationToken));
    }

    /// <summary>One transaction, one round trip per <see cref="BatchSize"/> rows.</summary>
    public Task SavePolitenessAsync(PolitenessSnapshot changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.IsEmpty ? Task.CompletedTask : InTransactionAsync((connection, transaction) => BatchesAsync(
            connection,
            transaction,
            changes.Hosts.Select(host => PgValues.BatchCommand(
                UpsertHostSql,
                PgValues.Text(host.Host),
                PgValues.Stamp(host.LastRequestAt),
                PgValues.Long(host.CrawlDelay is { } d ? (long)d.TotalMilliseconds : null),
                PgValues.Stamp(host.CooldownUntil),
                PgValues.Int(host.FailureStreak),
                PgValues.Stamp(host.UpdatedAt)))
            .Concat(changes.Robots.Select(robots => PgValues.BatchCommand(
                UpsertRobotsSql,
                PgValues.Text(robots.Origin),
                PgValues.Text(robots.Text),
                PgValues.Bool(robots.DisallowAll),
                PgValues.Stamp(robots.ExpiresAt),
                PgValues.Text(robots.DeniedOutcome),
                PgValues.Text(robots.Reason)))),
            cancellationToken), cancellationToken);
    }

    public async Task<RobotsRecord?> FindRobotsAsync(string origin, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {HostStateRows.RobotsColumns} FROM robots WHERE origin = $1 AND expires_at > now()");
        command.Parameters.Add(PgValues.Text(origin));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRobots(reader) : null;
    }

    public Task PublishRobotsAsync(RobotsRecord verdict, CancellationToken cancellationToken) =>
        SavePolitenessAsync(new PolitenessSnapshot([], [verdict]), cancellationToken);

    public Task RecordPassesAsync(IReadOnlyList<PassRecord> passes, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => BatchesAsync(connection, transaction, passes.Select(pass =>
        {
            var s = pass.Summary;
            return PgValues.BatchCommand(
                InsertPassSql,
                PgValues.Text(pass.Source),
                PgValues.Stamp(pass.StartedAt),
                PgValues.Stamp(pass.FinishedAt),
                PgValues.Int(s.Pages),
                PgValues.Int(s.Fetched),
                PgValues.Int(s.New),
                PgValues.Int(s.Changed),
                PgValues.Int(s.Unchanged),
                PgValues.Int(s.NotModified),
                PgValues.Int(s.Failed),
                PgValues.Int(s.RobotsDenied),
                PgValues.Int(s.RobotsUnavailable),
                PgValues.Int(s.Paywalled),
                PgValues.Int(s.Skipped),
                PgValues.Text(JsonSerializer.Serialize(s.Problems)),
                PgValues.Bool(s.Interrupted),
                PgValues.Int(s.Deferred));
        }), cancellationToken), cancellationToken);

    internal static HostRecord ReadHost(NpgsqlDataReader reader) => new()
    {
        Host = reader.GetString(0),
        LastRequestAt = PgValues.StampOrNull(reader, 1),
        CrawlDelay = reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(2)),
        CooldownUntil = PgValues.StampOrNull(reader, 3),
        FailureStreak = reader.GetInt32(4),
        UpdatedAt = PgValues.StampOf(reader, 5),
    };

    internal static RobotsRecord ReadRobots(NpgsqlDataReader reader) => new()
    {
        Origin = reader.GetString(0),
        Text = PgValues.TextOrNull(reader, 1),
        DisallowAll = reader.GetBoolean(2),
        ExpiresAt = PgValues.StampOf(reader, 3),
        DeniedOutcome = reader.GetString(4),
        Reason = PgValues.TextOrNull(reader, 5),
    };

    internal static async Task<List<T>> ReadAllAsync<T>(
        NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
