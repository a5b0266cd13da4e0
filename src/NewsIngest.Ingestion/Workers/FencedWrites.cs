using System.Globalization;
using System.Text.Json;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Storage;
using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The record protocol of one worker on the shared PostgreSQL state (<see cref="ICommitFence"/>). Pending writes carry
/// the worker, the host and the lease epoch, and are recorded only while the worker's registration is its own. The
/// batch's lines are appended inside one transaction that holds the worker's row and the hosts' lease rows (share
/// locks: a takeover or an adoption waits for it, and the server ends it if the worker stalls past a third of the
/// lease), refusing before any line is written the writes whose lease epoch moved on or whose version another worker
/// committed; the others become the URLs' state in that transaction, and a version taken after all (the unique
/// url + version rule, checked by the commit itself) leaves its pending write for the reconcile, which moves that
/// line out of the file.
/// </summary>
public sealed class FencedWrites(
    NpgsqlDataSource dataSource, WorkerRegistration registration, LeaseBook book, TimeSpan leaseTtl) : ICommitFence
{
    /// <summary>Where refused pages go back (the shared frontier); null: they are found again by the next pass.</summary>
    public PostgresFrontierStore? Frontier { get; init; }

    /// <summary>The sink whose files a reconcile may rewrite: its open file is closed first.</summary>
    public JsonLinesSink? Sink { get; init; }

    /// <summary>The worker these writes belong to.</summary>
    public WorkerRegistration Registration { get; } = registration;

    /// <summary>Retries while PostgreSQL is unreachable (before any line is written, so a retry is safe); null: none.</summary>
    public DatabaseRetry? Retry { get; init; }

    public Task<IReadOnlyList<(PendingWrite Write, string Reason)>> BeginAsync(
        IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        Retry is { } retry ? retry.RunAsync(token => BeginCoreAsync(pending, token), cancellationToken) : BeginCoreAsync(pending, cancellationToken);

    public Task<IFencedCommit> OpenAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        Retry is { } retry ? retry.RunAsync(token => OpenCoreAsync(pending, token), cancellationToken) : OpenCoreAsync(pending, cancellationToken);

    private async Task<IReadOnlyList<(PendingWrite Write, string Reason)>> BeginCoreAsync(
        IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var refused = new List<(PendingWrite, string)>();
        // A page taken from the shared frontier is written under the epoch it was taken with; one that was not (reprocess)
        // under none: only the unique url + version rule fences it.
        var held = pending.Select(write =>
        {
            var host = FrontierDispatcher.HostOf(new Uri(write.Url));
            return (Write: write, Host: host, Epoch: Frontier?.EpochOfTaken(write.Url) ?? book.EpochOf(host));
        }).ToList();

        // The real clock, not the injected one: recovery compares it with output files' modification times.
        var began = DateTimeOffset.UtcNow;
        await using var batch = dataSource.CreateBatch();
        foreach (var (write, host, epoch) in held)
        {
            batch.BatchCommands.Add(PgValues.BatchCommand(
                """
                INSERT INTO pending_writes (url, record_id, version, content_hash, committed, began_at, worker_id, host, lease_epoch)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM workers WHERE id = $7 AND epoch = $10)
                ON CONFLICT (url, worker_id) DO UPDATE SET record_id = EXCLUDED.record_id, version = EXCLUDED.version,
                    content_hash = EXCLUDED.content_hash, committed = EXCLUDED.committed, began_at = EXCLUDED.began_at,
                    host = EXCLUDED.host, lease_epoch = EXCLUDED.lease_epoch
                """,
                PgValues.Text(write.Url), PgValues.Text(write.RecordId), PgValues.Int(write.Version), PgValues.Text(write.ContentHash),
                PgValues.Text(JsonSerializer.Serialize(write.Committed)), PgValues.Stamp(began), PgValues.Text(Registration.Id),
                PgValues.Text(host), PgValues.Long(epoch), PgValues.Long(Registration.Epoch)));
        }

        // One batch is one transaction: all recorded or none.
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands.Cast<NpgsqlBatchCommand>().Any(c => c.RecordsAffected == 0))
        {
            refused.AddRange(held.Select(h => (h.Write, RegistrationLost)));
        }

        return refused;
    }

    private async Task<IFencedCommit> OpenCoreAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stall = (long)Math.Max(1000, leaseTtl.TotalMilliseconds / 3);
            await ExecuteAsync(connection, transaction, string.Create(
                CultureInfo.InvariantCulture, $"SET LOCAL idle_in_transaction_session_timeout = {stall}"), cancellationToken);
            var refused = new List<(PendingWrite, string, bool)>();
            if (!await HoldsRegistrationAsync(connection, transaction, cancellationToken))
            {
                refused.AddRange(pending.Select(p => (p, RegistrationLost, true)));
                return new FencedCommit(connection, transaction, [], refused, Registration.Id);
            }

            var rows = await PendingRowsAsync(connection, transaction, pending, cancellationToken);
            var hosts = await LeaseRowsAsync(
                connection, transaction, [.. rows.Values.Where(r => r.Epoch is not null).Select(r => r.Host).Distinct(StringComparer.Ordinal)], cancellationToken);
            var versions = await VersionsAsync(connection, transaction, [.. pending.Select(p => p.Url)], cancellationToken);
            var accepted = new List<PendingWrite>();
            foreach (var write in pending)
            {
                if (!rows.TryGetValue(write.Url, out var row))
                {
                    refused.Add((write, "its pending write is gone (settled by another worker)", true));
                }
                else if (row.Epoch is { } epoch
                    && (!hosts.TryGetValue(row.Host, out var lease) || lease.Epoch != epoch || (lease.Worker is { } holder && holder != Registration.Id)))
                {
                    refused.Add((write, $"the lease of {row.Host} was lost (epoch {row.Epoch}); the page goes back to the shared frontier", true));
                }
                else if (versions.TryGetValue(write.Url, out var version) && version >= write.Version)
                {
                    refused.Add((write, $"version {write.Version} was written by another worker", false));
                }
                else
                {
                    accepted.Add(write);
                }
            }

            return new FencedCommit(connection, transaction, accepted, refused, Registration.Id);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<(IReadOnlyList<string> Committed, IReadOnlyList<string> Dropped)> ReconcileAsync(
        string directory, string prefix, CancellationToken cancellationToken)
    {
        Sink?.CloseFile();
        var settled = Retry is { } retry
            ? await retry.RunAsync(token => WorkerReconciler.ReconcileAsync(dataSource, Registration, directory, prefix, token), cancellationToken)
            : await WorkerReconciler.ReconcileAsync(dataSource, Registration, directory, prefix, cancellationToken);
        foreach (var url in settled.Committed)
        {
            Frontier?.Settled(url);
        }

        return settled;
    }

    public async Task GiveBackAsync(IReadOnlyList<PendingWrite> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refused);
        if (Frontier is null)
        {
            return;
        }

        foreach (var write in refused)
        {
            await Frontier.GiveBackAsync(write.Url, write.Committed.Source ?? "", cancellationToken);
        }
    }

    private const string RegistrationLost =
        "this worker's registration was taken over (it was presumed dead, paused past Worker:LeaseTtl); the page goes back to the shared frontier";

    private async Task<bool> HoldsRegistrationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT epoch FROM workers WHERE id = $1 AND stopped_at IS NULL FOR SHARE", connection, transaction);
        command.Parameters.Add(PgValues.Text(Registration.Id));
        return await command.ExecuteScalarAsync(cancellationToken) is long epoch && epoch == Registration.Epoch;
    }

    private async Task<Dictionary<string, (string Host, long? Epoch)>> PendingRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT url, host, lease_epoch FROM pending_writes WHERE worker_id = $1 AND url = ANY($2)", connection, transaction);
        command.Parameters.Add(PgValues.Text(Registration.Id));
        command.Parameters.Add(new NpgsqlParameter { Value = pending.Select(p => p.Url).ToArray() });
        var rows = new Dictionary<string, (string, long?)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }

        return rows;
    }

    private static async Task<Dictionary<string, (long Epoch, string? Worker)>> LeaseRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] hosts, CancellationToken cancellationToken)
    {
        // Share locks in host order (renewals lock in the same order): a claim skips these rows until the commit.
        await using var command = new NpgsqlCommand(
            "SELECT host, lease_epoch, worker_id FROM host_leases WHERE host = ANY($1) ORDER BY host FOR SHARE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = hosts });
        var leases = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases[reader.GetString(0)] = (reader.GetInt64(1), PgValues.TextOrNull(reader, 2));
        }

        return leases;
    }

    internal static async Task<Dictionary<string, int>> VersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] urls, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT url, version FROM urls WHERE url = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = urls });
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt32(1);
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
