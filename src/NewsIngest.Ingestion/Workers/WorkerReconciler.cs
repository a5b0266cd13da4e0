using System.Text.Json;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Storage;
using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Settles one worker's pending writes against that worker's own files (its own at start or after a failed batch, a
/// dead worker's when adopted), as <see cref="PendingWriteReconciler"/> does for a single process, fenced by the unique
/// url + version rule: a record found whose version is still free is committed; one found whose version another worker
/// committed meanwhile is a duplicate and its line is moved out of the file (<c>.dup-</c>, beside it, fsynced) before
/// its pending write is forgotten; one not found is dropped (the page is fetched again). Runs only while the caller
/// holds the worker's registration under the given epoch (checked in the committing
/// transaction); the files are the registration holder's alone, so rewriting them races no writer.
/// </summary>
internal static class WorkerReconciler
{
    /// <summary>File times can lag the wall clock a little (coarse timestamps); look this much further back.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(5);

    public static async Task<(IReadOnlyList<string> Committed, IReadOnlyList<string> Dropped)> ReconcileAsync(
        NpgsqlDataSource dataSource, WorkerRegistration registration, string directory, string prefix, CancellationToken cancellationToken)
    {
        var committed = new List<string>();
        var dropped = new List<string>();
        // A version can be taken between the look and the commit; the write then stays pending for one more round.
        for (var round = 0; round < 3; round++)
        {
            var pending = await PendingAsync(dataSource, registration.Id, cancellationToken);
            if (pending.Count == 0)
            {
                break;
            }

            var since = pending.Min(p => p.BeganAt ?? DateTimeOffset.MinValue);
            var cutoff = since == DateTimeOffset.MinValue ? DateTime.MinValue : (since - ClockSlack).UtcDateTime;
            var files = RecordFiles.List(directory, prefix).Where(f => File.GetLastWriteTimeUtc(f) >= cutoff).ToList();
            var found = await FindAsync(files, pending, cancellationToken);
            Dictionary<string, int> versions;
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                versions = await FencedWrites.VersionsAsync(connection, null, [.. pending.Select(p => p.Url)], cancellationToken);
            }

            var written = pending.Where(p => found.ContainsKey(Key(p))).ToList();
            var duplicates = written.Where(p => versions.TryGetValue(p.Url, out var v) && v >= p.Version).ToList();
            var lost = pending.Except(written).ToList();
            MoveAside(duplicates.Select(p => found[Key(p)]).Distinct(StringComparer.Ordinal), duplicates, cancellationToken);
            var (done, taken) = await SettleAsync(dataSource, registration, written.Except(duplicates).ToList(), [.. duplicates.Concat(lost)], cancellationToken);
            committed.AddRange(done);
            dropped.AddRange(lost.Select(p => p.Url));
            if (taken == 0)
            {
                break;
            }
        }

        return (committed, dropped);
    }

    private static (string Id, int Version, string Hash) Key(PendingWrite write) => (write.RecordId, write.Version, write.ContentHash);

    private static async Task<List<PendingWrite>> PendingAsync(NpgsqlDataSource dataSource, string workerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT url, record_id, version, content_hash, committed, began_at FROM pending_writes WHERE worker_id = $1 ORDER BY url COLLATE \"C\"");
        command.Parameters.Add(PgValues.Text(workerId));
        var pending = new List<PendingWrite>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize<UrlState>(reader.GetString(4))
                ?? throw new InvalidDataException($"pending write of {reader.GetString(0)} has no state");
            pending.Add(new PendingWrite(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), state, PgValues.StampOf(reader, 5)));
        }

        return pending;
    }

    /// <summary>The pending records found in the files, and the file each is in.</summary>
    private static async Task<Dictionary<(string Id, int Version, string Hash), string>> FindAsync(
        List<string> files, List<PendingWrite> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => p.RecordId).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<(string, int, string), string>();
        await foreach (var line in RecordLines.ReadAsync(files, cancellationToken))
        {
            if (ids.Any(id => line.Text.Contains(id, StringComparison.Ordinal)) && RecordLines.TryReadKey(line.Text) is { } key)
            {
                found[(key.Id, key.Version, key.ContentHash)] = line.File;
            }
        }

        return found;
    }

    private static void MoveAside(IEnumerable<string> files, List<PendingWrite> duplicates, CancellationToken cancellationToken)
    {
        var keys = duplicates.Select(Key).ToHashSet();
        foreach (var file in files)
        {
            BadLineRecovery.MoveLines(
                file,
                (line, whole) => whole && RecordLines.TryReadKey(System.Text.Encoding.UTF8.GetString(line)) is { } key
                    && keys.Contains((key.Id, key.Version, key.ContentHash)),
                "dup",
                DateTimeOffset.UtcNow,
                cancellationToken);
        }
    }

    /// <summary>
    /// Commits the found writes whose version is free and forgets the others, in one transaction holding the
    /// registration; returns the URLs committed and how many found their version taken after all (still pending).
    /// </summary>
    private static async Task<(List<string> Committed, int Taken)> SettleAsync(
        NpgsqlDataSource dataSource, WorkerRegistration registration, List<PendingWrite> commit, List<PendingWrite> forget,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var hold = new NpgsqlCommand("SELECT epoch FROM workers WHERE id = $1 FOR SHARE", connection, transaction))
        {
            hold.Parameters.Add(PgValues.Text(registration.Id));
            if (await hold.ExecuteScalarAsync(cancellationToken) is not long epoch || epoch != registration.Epoch)
            {
                throw new WorkerRegistrationLostException(registration.Id);
            }
        }

        var committed = new List<string>();
        var taken = 0;
        if (commit.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in commit)
            {
                batch.BatchCommands.Add(PgValues.BatchCommand(FencedCommit.CommitSql, PgUrlRows.Parameters(write.Committed)));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var i = 0; i < commit.Count; i++)
            {
                if (batch.BatchCommands[i].RecordsAffected == 1)
                {
                    committed.Add(commit[i].Url);
                }
                else
                {
                    taken++;
                }
            }
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM pending_writes WHERE worker_id = $1 AND url = ANY($2)", connection, transaction))
        {
            delete.Parameters.Add(PgValues.Text(registration.Id));
            delete.Parameters.Add(new NpgsqlParameter { Value = committed.Concat(forget.Select(f => f.Url)).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (committed, taken);
    }
}
