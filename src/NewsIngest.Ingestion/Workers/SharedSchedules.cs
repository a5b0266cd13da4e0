using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// <c>run</c>'s source schedules shared by all workers (<c>source_passes</c>): every worker keeps every source's
/// schedule, and when an occurrence comes, the first worker to claim it runs the pass (reads the source and adds its
/// pages to the shared frontier; any worker holding a page's host fetches it). A claim stands for occurrences within
/// <c>window</c> of it, so workers whose clocks or start times differ a little still run each occurrence once. The
/// claimer says when it has read the source (<see cref="ReadAsync"/>); a pass whose claimer is gone before that (killed,
/// paused past its registration, stopped) is taken over by another worker (<see cref="TakeOverUnreadAsync"/>), so an
/// occurrence is never lost until the next one.
/// </summary>
public sealed class SharedSchedules(NpgsqlDataSource dataSource, string workerId)
{
    /// <summary>
    /// Claims the pass of <paramref name="source"/> due at <paramref name="due"/>; false (and the holder's id) when
    /// another worker claimed one within <paramref name="window"/> before it.
    /// </summary>
    public async Task<(bool Claimed, string Holder)> TryClaimAsync(string source, DateTimeOffset due, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO source_passes AS p (source, due_at, claimed_by, claimed_at) VALUES ($1, $2, $3, now())
            ON CONFLICT (source) DO UPDATE SET due_at = EXCLUDED.due_at, claimed_by = EXCLUDED.claimed_by, claimed_at = now(), read_at = NULL
            WHERE p.due_at <= EXCLUDED.due_at - $4
            RETURNING claimed_by
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        command.Parameters.Add(new NpgsqlParameter { Value = due.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        if (await command.ExecuteScalarAsync(cancellationToken) is string)
        {
            return (true, workerId);
        }

        await using var holder = dataSource.CreateCommand("SELECT claimed_by FROM source_passes WHERE source = $1");
        holder.Parameters.Add(new NpgsqlParameter { Value = source });
        return (false, (await holder.ExecuteScalarAsync(cancellationToken)) as string ?? "another worker");
    }

    /// <summary>
    /// This worker has read <paramref name="source"/> for the pass due at <paramref name="due"/> it claimed: its pages
    /// are all in the shared frontier. A later occurrence claimed meanwhile stays unread.
    /// </summary>
    public async Task ReadAsync(string source, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE source_passes SET read_at = now() WHERE source = $1 AND claimed_by = $2 AND due_at = $3 AND read_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        command.Parameters.Add(new NpgsqlParameter { Value = due.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Claims, for this worker, the passes of <paramref name="sources"/> whose claimer stopped before reading the
    /// source (its registration is no longer live: it expired, was adopted, or retired; or it was this worker's id
    /// before this process registered it again), and returns their sources
    /// with the worker that had claimed each and the occurrence; this worker runs them now. Of several workers asking at once, one gets
    /// each pass (the row lock, then the claimer is live again).
    /// </summary>
    public async Task<IReadOnlyList<(string Source, string Claimer, DateTimeOffset Due)>> TakeOverUnreadAsync(
        IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        await using var command = dataSource.CreateCommand("""
            WITH gone AS (
                SELECT p.source, p.claimed_by FROM source_passes p
                WHERE p.source = ANY($2) AND p.read_at IS NULL
                  AND (p.claimed_by <> $1 AND NOT EXISTS (
                          SELECT 1 FROM workers w WHERE w.id = p.claimed_by AND w.expires_at > now() AND w.stopped_at IS NULL)
                       -- this worker's id, claimed by the process it was before it registered again
                       OR p.claimed_by = $1 AND p.claimed_at < (SELECT started_at FROM workers WHERE id = $1))
                FOR UPDATE OF p SKIP LOCKED)
            UPDATE source_passes p SET claimed_by = $1, claimed_at = now()
            FROM gone WHERE p.source = gone.source
            RETURNING p.source, gone.claimed_by, p.due_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        command.Parameters.Add(new NpgsqlParameter { Value = sources.ToArray() });
        var taken = new List<(string, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return taken;
    }
}
