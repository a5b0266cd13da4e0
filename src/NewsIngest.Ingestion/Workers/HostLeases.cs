using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The <c>host_leases</c> table: one worker at a time holds a host. Claims take due hosts in one short transaction
/// (<c>FOR UPDATE SKIP LOCKED</c>, a bounded batch, so workers claiming at once never wait for each other), bump the
/// host's <c>lease_epoch</c> and set its expiry on the database clock; renewals and releases match the epoch, so an
/// older holder's renewal updates nothing and tells it the lease is gone. Each request reserves the host's next slot
/// here, so a worker that takes a host over still waits out the delay its last holder started.
/// </summary>
public sealed class HostLeases
{
    private readonly TimeSpan _ttl;
    private readonly long? _registrationEpoch;

    /// <summary>Leases of the worker <paramref name="registration"/> holds: claims are refused once it was taken over.</summary>
    public HostLeases(NpgsqlDataSource dataSource, WorkerRegistration registration, TimeSpan ttl)
        : this(dataSource, registration.Id, ttl) => _registrationEpoch = registration.Epoch;

    /// <summary>Leases claimed for <paramref name="workerId"/> without a registration to check (tests of leases alone).</summary>
    public HostLeases(NpgsqlDataSource dataSource, string workerId, TimeSpan ttl) =>
        (DataSource, WorkerId, _ttl) = (dataSource, workerId, ttl);

    /// <summary>The shared database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The worker these leases are claimed for.</summary>
    public string WorkerId { get; }

    /// <summary>How long a lease lasts unrenewed, and how long a request's slot keeps its host busy at most.</summary>
    public TimeSpan Ttl => _ttl;

    /// <summary>Makes <paramref name="host"/> known, unleased, so it can be claimed (nothing when it is known).</summary>
    public async Task AddHostAsync(string host, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("INSERT INTO host_leases (host) VALUES ($1) ON CONFLICT (host) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = host });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> hosts that are unleased (or whose lease expired) and have a page waiting in
    /// the shared frontier, those whose next slot comes first first; each gets a new epoch and expires <c>ttl</c> from
    /// now unless renewed. A worker holding its fair share already claims none more, so the first worker to start does
    /// not take every host from those starting after it. The share is of the hosts in play (held, or with pages) over
    /// the live workers: counting the held ones too, the live workers' room together is never less than the hosts
    /// waiting, so a host whose holder died is taken at the next claim even while the others still hold hosts whose
    /// last pages are done. A worker whose registration was taken over (adopted: it was presumed dead) claims nothing.
    /// </summary>
    public async Task<IReadOnlyList<HostLease>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            WITH share AS (
                -- A fair share of the hosts in play among the live workers, less what this worker holds already.
                SELECT greatest(0, ceil(
                    (SELECT count(*) FROM host_leases h
                     WHERE h.lease_expires_at > now() OR EXISTS (SELECT 1 FROM frontier_items f WHERE f.host = h.host))::numeric
                    / greatest(1, (SELECT count(*) FROM workers WHERE expires_at > now() AND stopped_at IS NULL)))
                    - (SELECT count(*) FROM host_leases WHERE worker_id = $1 AND lease_expires_at > now()))::int AS room
                WHERE $4::bigint IS NULL OR EXISTS (
                    SELECT 1 FROM workers WHERE id = $1 AND epoch = $4 AND stopped_at IS NULL AND expires_at > now())),
            due AS (
                SELECT h.host FROM host_leases h
                WHERE (h.worker_id IS NULL OR h.lease_expires_at < now())
                  AND EXISTS (SELECT 1 FROM frontier_items f WHERE f.host = h.host AND (f.not_before IS NULL OR f.not_before <= now()))
                ORDER BY h.next_slot_at NULLS FIRST, h.host
                LIMIT least($2, coalesce((SELECT room FROM share), 0))
                FOR UPDATE OF h SKIP LOCKED)
            UPDATE host_leases h SET worker_id = $1, lease_epoch = h.lease_epoch + 1, lease_expires_at = now() + $3,
                leased_at = now(), pages_this_lease = 0
            FROM due WHERE h.host = due.host
            RETURNING h.host, h.lease_epoch, greatest(coalesce(h.next_slot_at, now()) - now(), interval '0')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = WorkerId });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        command.Parameters.Add(new NpgsqlParameter { Value = _ttl });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)_registrationEpoch ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var claimed = new List<HostLease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new HostLease(reader.GetString(0), reader.GetInt64(1), reader.GetTimeSpan(2)));
        }

        return claimed;
    }

    /// <summary>
    /// Renews <paramref name="leases"/> (host and epoch) for another <c>ttl</c>; returns the hosts whose lease is no
    /// longer this worker's under that epoch (taken over after it expired): their work must stop.
    /// </summary>
    public async Task<IReadOnlyList<string>> RenewAsync(IReadOnlyList<(string Host, long Epoch)> leases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leases);
        if (leases.Count == 0)
        {
            return [];
        }

        await using var command = DataSource.CreateCommand("""
            WITH mine AS (
                SELECT h.host FROM host_leases h JOIN unnest($2::text[], $3::bigint[]) AS l(host, epoch)
                    ON h.host = l.host AND h.lease_epoch = l.epoch
                WHERE h.worker_id = $1
                ORDER BY h.host
                FOR UPDATE OF h)
            UPDATE host_leases h SET lease_expires_at = now() + $4
            FROM mine WHERE h.host = mine.host
            RETURNING h.host
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = WorkerId });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.Host).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.Epoch).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _ttl });
        // Rows locked in host order, as the fenced commit locks them, so the two never deadlock.
        var renewed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetString(0));
        }

        return [.. leases.Select(l => l.Host).Where(h => !renewed.Contains(h))];
    }

    /// <summary>
    /// Reserves the host's next request slot: the later of its next slot and now, and the one after it
    /// <paramref name="spacing"/> later; the host is then busy with this request (no other worker reserves) until
    /// <see cref="EndSlotAsync"/> says it ended, which moves the next slot to <paramref name="spacing"/> after that end,
    /// or until the lease time has passed (a worker that died mid-request). So the delay runs from the end of one
    /// request to the start of the next across all workers, as it does within one. While another request is in
    /// flight nothing is reserved and the turn says how long to wait before asking again. With
    /// <paramref name="epoch"/>, only while this worker holds the host under it (and the lease's page count goes up);
    /// null then means the lease is gone. Without, any request (a feed read, a robots.txt fetch) takes its slot
    /// whoever holds the host. Waits are on the database clock.
    /// </summary>
    public async Task<SlotTurn?> ReserveSlotAsync(string host, TimeSpan spacing, long? epoch, CancellationToken cancellationToken)
    {
        const string Free = "(h.busy_until IS NULL OR h.busy_until <= clock_timestamp())";
        const string Reserve = """
            next_slot_at = greatest(h.next_slot_at, clock_timestamp()) + $2,
            busy_until = greatest(h.next_slot_at, clock_timestamp()) + $5, busy_token = $6
            """;
        const string Turn = "RETURNING true, greatest(h.next_slot_at - $2 - clock_timestamp(), interval '0')";
        var fenced = $"UPDATE host_leases h SET {Reserve}, pages_this_lease = h.pages_this_lease + 1 WHERE h.host = $1 AND h.worker_id = $3 AND h.lease_epoch = $4 AND {Free} {Turn}";
        var unfenced = $"INSERT INTO host_leases AS h (host, next_slot_at, busy_until, busy_token) VALUES ($1, clock_timestamp() + $2, clock_timestamp() + $5, $6) ON CONFLICT (host) DO UPDATE SET {Reserve} WHERE {Free} {Turn}";
        var token = Random.Shared.NextInt64(1, long.MaxValue);
        await using (var command = DataSource.CreateCommand(epoch is null ? unfenced : fenced))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = host });
            command.Parameters.Add(new NpgsqlParameter { Value = spacing });
            command.Parameters.Add(new NpgsqlParameter { Value = WorkerId });
            command.Parameters.Add(new NpgsqlParameter { Value = epoch ?? -1 });
            command.Parameters.Add(new NpgsqlParameter { Value = _ttl });
            command.Parameters.Add(new NpgsqlParameter { Value = token });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new SlotTurn(true, reader.GetFieldValue<TimeSpan>(1), token);
            }
        }

        // Not reserved: the lease is gone, or another request to the host is in flight.
        await using var busy = DataSource.CreateCommand(
            "SELECT greatest(coalesce(h.next_slot_at, clock_timestamp()) - clock_timestamp(), interval '20 milliseconds') FROM host_leases h WHERE h.host = $1"
            + (epoch is null ? "" : " AND h.worker_id = $2 AND h.lease_epoch = $3"));
        busy.Parameters.Add(new NpgsqlParameter { Value = host });
        if (epoch is { } held)
        {
            busy.Parameters.Add(new NpgsqlParameter { Value = WorkerId });
            busy.Parameters.Add(new NpgsqlParameter { Value = held });
        }

        return await busy.ExecuteScalarAsync(cancellationToken) is TimeSpan wait ? new SlotTurn(false, wait, 0) : null;
    }

    /// <summary>
    /// Confirms, just before its request goes out, that slot <paramref name="token"/> still holds its host (its busy
    /// time did not run out while the worker waited, or was paused) and keeps it busy for the lease time from now;
    /// false when it was lost, and the request must ask for a new slot.
    /// </summary>
    public async Task<bool> ConfirmSlotAsync(string host, long token, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            UPDATE host_leases SET busy_until = clock_timestamp() + $3
            WHERE host = $1 AND busy_token = $2 AND busy_until > clock_timestamp()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = host });
        command.Parameters.Add(new NpgsqlParameter { Value = token });
        command.Parameters.Add(new NpgsqlParameter { Value = _ttl });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The request of the slot <paramref name="token"/> has ended: the host's next slot is at least
    /// <paramref name="spacing"/> from now, and the host is free for the next request (unless another request holds
    /// it by now, after this one's busy time ran out).
    /// </summary>
    public async Task EndSlotAsync(string host, TimeSpan spacing, long token, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            UPDATE host_leases h SET next_slot_at = greatest(h.next_slot_at, clock_timestamp() + $2),
                busy_until = CASE WHEN h.busy_token = $3 THEN NULL ELSE h.busy_until END,
                busy_token = CASE WHEN h.busy_token = $3 THEN NULL ELSE h.busy_token END
            WHERE h.host = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = host });
        command.Parameters.Add(new NpgsqlParameter { Value = spacing });
        command.Parameters.Add(new NpgsqlParameter { Value = token });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Lets the host go (fairness, or nothing left to take) if this worker still holds it under <paramref name="epoch"/>.</summary>
    public async Task ReleaseAsync(string host, long epoch, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            UPDATE host_leases SET worker_id = NULL, lease_expires_at = NULL WHERE host = $1 AND worker_id = $2 AND lease_epoch = $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = host });
        command.Parameters.Add(new NpgsqlParameter { Value = WorkerId });
        command.Parameters.Add(new NpgsqlParameter { Value = epoch });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
