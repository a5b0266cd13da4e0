using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>How <see cref="HostRecord"/> and <see cref="RobotsRecord"/> map to rows of <c>hosts</c> and <c>robots</c>.</summary>
internal static class HostStateRows
{
    public const string HostColumns = "host, last_request_at, crawl_delay_ms, cooldown_until, failure_streak, updated_at";

    public const string RobotsColumns = "origin, text, disallow_all, expires_at, denied_outcome, reason";

    public const string UpsertHostSql = $"""
        INSERT OR REPLACE INTO hosts ({HostColumns}) VALUES ($host, $last, $delay, $cooldown, $streak, $updated);
        """;

    public const string UpsertRobotsSql = $"""
        INSERT OR REPLACE INTO robots ({RobotsColumns}) VALUES ($origin, $text, $disallow, $expires, $outcome, $reason);
        """;

    public static void Bind(SqliteCommand command, HostRecord host)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$host", host.Host);
        command.Parameters.AddWithValue("$last", (object?)UrlStateRows.Format(host.LastRequestAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$delay", host.CrawlDelay is { } d ? (long)d.TotalMilliseconds : DBNull.Value);
        command.Parameters.AddWithValue("$cooldown", (object?)UrlStateRows.Format(host.CooldownUntil) ?? DBNull.Value);
        command.Parameters.AddWithValue("$streak", host.FailureStreak);
        command.Parameters.AddWithValue("$updated", UrlStateRows.Format(host.UpdatedAt));
    }

    public static void Bind(SqliteCommand command, RobotsRecord robots)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$origin", robots.Origin);
        command.Parameters.AddWithValue("$text", (object?)robots.Text ?? DBNull.Value);
        command.Parameters.AddWithValue("$disallow", robots.DisallowAll ? 1 : 0);
        command.Parameters.AddWithValue("$expires", UrlStateRows.Format(robots.ExpiresAt));
        command.Parameters.AddWithValue("$outcome", robots.DeniedOutcome);
        command.Parameters.AddWithValue("$reason", (object?)robots.Reason ?? DBNull.Value);
    }

    public static HostRecord ReadHost(SqliteDataReader reader) => new()
    {
        Host = reader.GetString(0),
        LastRequestAt = reader.IsDBNull(1) ? null : UrlStateRows.Parse(reader.GetString(1)),
        CrawlDelay = reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(2)),
        CooldownUntil = reader.IsDBNull(3) ? null : UrlStateRows.Parse(reader.GetString(3)),
        FailureStreak = reader.GetInt32(4),
        UpdatedAt = UrlStateRows.Parse(reader.GetString(5))!.Value,
    };

    public static RobotsRecord ReadRobots(SqliteDataReader reader) => new()
    {
        Origin = reader.GetString(0),
        Text = reader.IsDBNull(1) ? null : reader.GetString(1),
        DisallowAll = reader.GetInt64(2) != 0,
        ExpiresAt = UrlStateRows.Parse(reader.GetString(3))!.Value,
        DeniedOutcome = reader.GetString(4),
        Reason = reader.IsDBNull(5) ? null : reader.GetString(5),
    };

    /// <summary>Reads every row of <paramref name="sql"/> with <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(
        SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
