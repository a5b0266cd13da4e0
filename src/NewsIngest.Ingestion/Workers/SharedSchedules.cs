using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// <c>run</c>'s source schedules shared by all workers (<c>source_passes</c>): every worker keeps every source's
/// schedule, and when an occurrence comes, the first worker to claim it runs the pass (reads the source and adds its
/// pages to the shared frontier; any worker holding a page's host fetches it). A claim stands for occurrences within
/// <c>window</c> of it, so workers whose clocks or start times differ a little still run each occurrence once.
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
            ON CONFLICT (source) DO UPDATE SET due_at = EXCLUDED.due_at, claimed_by = EXCLUDED.claimed_by, claimed_at = now()
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
}
