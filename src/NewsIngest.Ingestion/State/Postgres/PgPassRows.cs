using System.Text.Json;
using NewsIngest.Ingestion.Passes;
using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>A row of the PostgreSQL <c>passes</c> table (selected as <see cref="PassRows.Columns"/>) as a <see cref="PassRecord"/>.</summary>
internal static class PgPassRows
{
    public static PassRecord Read(NpgsqlDataReader reader)
    {
        var started = PgValues.StampOf(reader, 1);
        var finished = PgValues.StampOf(reader, 2);
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
            Interrupted = reader.GetBoolean(15),
            Deferred = reader.GetInt32(16),
            Duration = finished - started,
        });
    }
}
