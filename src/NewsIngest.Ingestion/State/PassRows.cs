using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.State;

/// <summary>How a <see cref="PassRecord"/> maps to a row of the <c>passes</c> table, both ways.</summary>
internal static class PassRows
{
    public const string Columns =
        "source, started_at, finished_at, pages, fetched, new, changed, unchanged, not_modified, failed, "
        + "robots_denied, robots_unavailable, paywalled, skipped, problems, interrupted, deferred";

    public const string InsertSql = $"""
        INSERT INTO passes ({Columns})
        VALUES ($source, $started, $finished, $pages, $fetched, $new, $changed, $unchanged, $notModified, $failed,
                $robotsDenied, $robotsUnavailable, $paywalled, $skipped, $problems, $interrupted, $deferred);
        """;

    /// <summary>Sets the parameters of <see cref="InsertSql"/> to <paramref name="pass"/>.</summary>
    public static void Bind(SqliteCommand command, PassRecord pass)
    {
        var s = pass.Summary;
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$source", pass.Source);
        command.Parameters.AddWithValue("$started", UrlStateRows.Format(pass.StartedAt));
        command.Parameters.AddWithValue("$finished", UrlStateRows.Format(pass.FinishedAt));
        command.Parameters.AddWithValue("$pages", s.Pages);
        command.Parameters.AddWithValue("$fetched", s.Fetched);
        command.Parameters.AddWithValue("$new", s.New);
        command.Parameters.AddWithValue("$changed", s.Changed);
        command.Parameters.AddWithValue("$unchanged", s.Unchanged);
        command.Parameters.AddWithValue("$notModified", s.NotModified);
        command.Parameters.AddWithValue("$failed", s.Failed);
        command.Parameters.AddWithValue("$robotsDenied", s.RobotsDenied);
        command.Parameters.AddWithValue("$robotsUnavailable", s.RobotsUnavailable);
        command.Parameters.AddWithValue("$paywalled", s.Paywalled);
        command.Parameters.AddWithValue("$skipped", s.Skipped);
        command.Parameters.AddWithValue("$problems", JsonSerializer.Serialize(s.Problems));
        command.Parameters.AddWithValue("$interrupted", s.Interrupted ? 1 : 0);
        command.Parameters.AddWithValue("$deferred", s.Deferred);
    }

    /// <summary>The pass in the current row of a query selecting <see cref="Columns"/>.</summary>
    public static PassRecord Read(SqliteDataReader reader)
    {
        var started = UrlStateRows.Parse(reader.GetString(1))!.Value;
        var finished = UrlStateRows.Parse(reader.GetString(2))!.Value;
        return new PassRecord(reader.GetString(0), started, finished, new PassSummary
        {
            Sources = 1,
            Pages = reader.GetInt32(3),
            Fetched = reader.GetInt32(4),
            New = reader.GetInt32(5),
            Changed = reader.GetInt32(6),
            Unchanged = reader.GetInt32(7),
            NotModified = reader.GetInt32(8),
            Failed = reader.GetInt32(9),
            RobotsDenied = reader.GetInt32(10),
            RobotsUnavailable = reader.GetInt32(11),
            Paywalled = reader.GetInt32(12),
            Skipped = reader.GetInt32(13),
            Problems = JsonSerializer.Deserialize<string[]>(reader.GetString(14)) ?? [],
            Interrupted = reader.GetInt32(15) != 0,
            Deferred = reader.GetInt32(16),
            Duration = finished - started,
        });
    }
}
