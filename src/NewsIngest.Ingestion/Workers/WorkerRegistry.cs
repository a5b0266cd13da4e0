using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The <c>workers</c> table: a worker registers (its epoch bumps each time, so an older process with the same id is
/// fenced out), renews its registration on the lease keeper's timer, and retires at a clean exit. A registration
/// that is neither renewed nor retired expires on the database clock; another worker then adopts it (the epoch bumps
/// under a row lock) and settles its output files and pending writes. All instants are the database's.
/// </summary>
public sealed class WorkerRegistry(NpgsqlDataSource dataSource, TimeSpan ttl)
{
    /// <summary>Registers <paramref name="id"/> (again): a new epoch, expiring <c>ttl</c> from now.</summary>
    public async Task<WorkerRegistration> RegisterAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO workers (id, epoch, started_at, heartbeat_at, expires_at) VALUES ($1, 1, now(), now(), now() + $2)
            ON CONFLICT (id) DO UPDATE SET epoch = workers.epoch + 1, started_at = now(), heartbeat_at = now(),
                expires_at = now() + $2, stopped_at = NULL, adopted_by = NULL
            RETURNING epoch
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = ttl });
        var epoch = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new WorkerRegistration(id, epoch);
    }

    /// <summary>Renews the registration; false when it is no longer this one (adopted, or registered again elsewhere).</summary>
    public async Task<bool> RenewAsync(WorkerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await using var command = dataSource.CreateCommand("""
            UPDATE workers SET heartbeat_at = now(), expires_at = now() + $3 WHERE id = $1 AND epoch = $2 AND stopped_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = registration.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = registration.Epoch });
        command.Parameters.Add(new NpgsqlParameter { Value = ttl });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A clean exit: the row stays (for <c>status</c>), marked stopped, and its host leases are let go.</summary>
    public async Task RetireAsync(WorkerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "UPDATE workers SET stopped_at = now(), expires_at = now() WHERE id = $1 AND epoch = $2", registration));
        batch.BatchCommands.Add(Command(
            "UPDATE host_leases SET worker_id = NULL, lease_expires_at = NULL WHERE worker_id = $1 AND EXISTS (SELECT 1 FROM workers WHERE id = $1 AND epoch = $2)",
            registration));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes over one expired, unretired registration of another worker, if there is one no other worker is adopting:
    /// its epoch bumps (so the dead worker, should it come back, writes nothing more) and it is held for
    /// <c>ttl</c> while <paramref name="adopter"/> settles its files. Null when no worker is dead.
    /// </summary>
    public async Task<WorkerRegistration?> AdoptAsync(string adopter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH dead AS (
                SELECT id FROM workers WHERE expires_at < now() AND stopped_at IS NULL AND id <> $1
                ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE workers w SET epoch = w.epoch + 1, adopted_by = $1, expires_at = now() + $2
            FROM dead WHERE w.id = dead.id
            RETURNING w.id, w.epoch
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = adopter });
        command.Parameters.Add(new NpgsqlParameter { Value = ttl });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WorkerRegistration(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>The adopted worker's files and writes are settled: it is marked stopped and its leases let go.</summary>
    public Task SettledAsync(WorkerRegistration adopted, CancellationToken cancellationToken) => RetireAsync(adopted, cancellationToken);

    private static NpgsqlBatchCommand Command(string sql, WorkerRegistration registration)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = registration.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = registration.Epoch });
        return command;
    }
}
