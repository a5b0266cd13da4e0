using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;
using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Today's start-up recovery, for one worker's files (<c>{prefix}-{worker}-*.jsonl</c>) in the shared output directory:
/// torn last lines and lines that are not records moved aside, the worker's pending writes settled against its files
/// (<see cref="WorkerReconciler"/>), URLs whose latest record was among the lines moved set back. A worker runs it on
/// its own files at start, and on a dead worker's files when it adopts them.
/// </summary>
public static class WorkerRecovery
{
    /// <summary>The file prefix of <paramref name="workerId"/>'s records: <c>{prefix}-{worker}</c>.</summary>
    public static string PrefixOf(string prefix, string workerId) => $"{prefix}-{workerId}";

    /// <summary>Recovers the files of <paramref name="registration"/>'s worker (held by the caller under that epoch).</summary>
    public static async Task<ReconcileReport> RecoverAsync(
        NpgsqlDataSource dataSource, IStateStore state, WorkerRegistration registration, string directory, string prefix,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var torn = TornLineRecovery.Repair(directory, prefix, now);
        var bad = BadLineRecovery.Repair(directory, prefix, now, cancellationToken);
        var pending = await PendingUrlsAsync(dataSource, registration.Id, cancellationToken);
        var (committed, dropped) = await WorkerReconciler.ReconcileAsync(dataSource, registration, directory, prefix, cancellationToken);
        var tornRecords = await TornRecordReset.ResetAsync(state, directory, prefix, torn, bad, pending, now, cancellationToken);
        return new ReconcileReport(torn, committed.Count, dropped.Count) { BadLines = bad, TornRecords = tornRecords };
    }

    private static async Task<HashSet<string>> PendingUrlsAsync(NpgsqlDataSource dataSource, string workerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT url FROM pending_writes WHERE worker_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        var urls = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            urls.Add(reader.GetString(0));
        }

        return urls;
    }
}
