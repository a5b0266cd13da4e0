using System.Collections.Concurrent;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Frontier;
using Npgsql;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The shared frontier of several workers on one PostgreSQL state (<c>frontier_items</c>): any worker adds the pages
/// it discovers; a worker takes only pages of hosts it holds a lease on (<see cref="HostLeases"/>), claiming due hosts
/// in small batches when it has room, so two workers never work on one host. A page is taken under the lease's epoch
/// and deleted when its work ends; a page taken under an older epoch (its worker died or lost the lease) is taken
/// again by the host's new holder. The dispatcher's decisions stay in <see cref="FrontierDispatcher"/>: this store
/// orders and leases. A host is let go after <c>Worker:MaxPagesPerLease</c> pages or <c>Worker:MaxLeaseTime</c>
/// (fairness), or when it has nothing left to take.
/// </summary>
public sealed class PostgresFrontierStore : ISharedFrontierStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly HostLeases _leases;
    private readonly LeaseBook _book;
    private readonly WorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (FrontierItem Item, long Epoch, DateTimeOffset TakenAt)> _taken = new(StringComparer.Ordinal);
    private DateTimeOffset _nextClaim = DateTimeOffset.MinValue;
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;
    private int _queued;

    /// <param name="dataSource">The shared database.</param>
    /// <param name="leases">This worker's leases.</param>
    /// <param name="book">The leases this worker holds.</param>
    /// <param name="options">Claim batch, lease limits and poll interval.</param>
    /// <param name="time">The worker's clock (turns, fairness); lease expiry is the database's.</param>
    /// <param name="continuous">
    /// Long-lived (<c>run</c>): with nothing to take, look again every <c>Worker:PollInterval</c> even when the shared
    /// frontier is empty, as other workers may add pages; otherwise an empty frontier ends the dispatch.
    /// </param>
    public PostgresFrontierStore(
        NpgsqlDataSource dataSource, HostLeases leases, LeaseBook book, WorkerOptions options, TimeProvider time, bool continuous)
    {
        _dataSource = dataSource;
        _leases = leases;
        _book = book;
        _options = options;
        _time = time;
        Continuous = continuous;
    }

    /// <summary>Looks again on a timer even when the shared frontier is empty (<c>run</c> sets it before sharing).</summary>
    public bool Continuous { get; set; }

    /// <summary>Items in the shared frontier (all workers', taken or not) when last counted.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Called when a host is claimed (tests: "the moment" a worker holds a host).</summary>
    public Action<HostLease>? Claimed { get; set; }

    public async ValueTask<bool> AddAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken) =>
        await RetryAsync(token => AddCoreAsync(item, token), cancellationToken);

    private async Task<bool> AddCoreAsync(FrontierItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var batch = _dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO frontier_items (key, host, source, page, added_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = item.Key });
        insert.Parameters.Add(new NpgsqlParameter { Value = item.Host });
        insert.Parameters.Add(new NpgsqlParameter { Value = item.Source });
        insert.Parameters.Add(new NpgsqlParameter { Value = FrontierRows.PageJson(item.Page) });
        insert.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
        var host = new NpgsqlBatchCommand("INSERT INTO host_leases (host) VALUES ($1) ON CONFLICT (host) DO NOTHING");
        host.Parameters.Add(new NpgsqlParameter { Value = item.Host });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(host);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        var added = insert.RecordsAffected == 1;
        if (added)
        {
            Interlocked.Increment(ref _queued);
            lock (_book.Sync)
            {
                if (_book.Held.TryGetValue(item.Host, out var held))
                {
                    held.Empty = false;
                }
            }

            // A new host may be claimable now.
            _nextClaim = DateTimeOffset.MinValue;
        }

        return added;
    }

    public async ValueTask<FrontierTake> TakeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await RetryAsync(token => TakeCoreAsync(now, token), cancellationToken);

    private async Task<FrontierTake> TakeCoreAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ReleaseIdleAsync(cancellationToken);
        if (_book.Count < _options.MaxLeases && (now >= _nextClaim || !HasCandidate()))
        {
            await ClaimAsync(now, cancellationToken);
        }

        while (true)
        {
            HeldHost? next = null;
            lock (_book.Sync)
            {
                foreach (var held in _book.Held.Values)
                {
                    if (!held.IsLost && !held.Releasing && !held.Empty && held.InFlight < Math.Max(1, held.Turn.Limit)
                        && (next is null || held.Turn.NotBefore < next.Turn.NotBefore))
                    {
                        next = held;
                    }
                }
            }

            if (next is null)
            {
                break;
            }

            if (next.Turn.NotBefore > now)
            {
                // Back at the host's turn, or sooner for the next claim: other workers' discovery may add hosts meanwhile.
                var look = _book.Count < _options.MaxLeases && _nextClaim > now ? _nextClaim : now + _options.PollInterval;
                return new FrontierTake(null, next.Turn.NotBefore < look ? next.Turn.NotBefore : look);
            }

            if (await TakeFromAsync(next, now, cancellationToken) is { } item)
            {
                return new FrontierTake(item, null);
            }
        }

        var count = await CountAsync(cancellationToken);
        Volatile.Write(ref _queued, count);
        _nextClaim = now + _options.PollInterval;
        return count == 0 && !Continuous ? new FrontierTake(null, null) : new FrontierTake(null, now + _options.PollInterval);
    }

    public async ValueTask DeferAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken) =>
        await RetryAsync(token => DeferCoreAsync(item, turn, token), cancellationToken);

    private async Task<bool> DeferCoreAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Back in the shared frontier, still takeable under this lease.
        await using var command = _dataSource.CreateCommand(
            "UPDATE frontier_items SET taken_by = NULL, taken_epoch = NULL WHERE key = $1 AND taken_by = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = item.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
        await command.ExecuteNonQueryAsync(cancellationToken);
        _taken.TryRemove(item.Page.Url.AbsoluteUri, out _);
        lock (_book.Sync)
        {
            if (_book.Held.TryGetValue(item.Host, out var held))
            {
                held.InFlight--;
                held.Open--;
                held.Turn = turn;
                held.Empty = false;
            }
        }

        return true;
    }

    public ValueTask CompleteAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_book.Sync)
        {
            if (_book.Held.TryGetValue(item.Host, out var held))
            {
                held.InFlight--;
                held.Turn = turn;
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask ReleaseAsync(FrontierItem item, CancellationToken cancellationToken) =>
        await RetryAsync(token => ReleaseCoreAsync(item, token), cancellationToken);

    private async Task<bool> ReleaseCoreAsync(FrontierItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_taken.TryGetValue(item.Page.Url.AbsoluteUri, out var taken) || _book.EpochOf(item.Host) != taken.Epoch)
        {
            // The lease was lost while the page ran: the row stays for the host's new holder.
            return false;
        }

        // Done under the epoch it was taken with; after a takeover the row is the new holder's, and stays.
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM frontier_items WHERE key = $1 AND taken_by = $2 AND taken_epoch = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = item.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
        command.Parameters.Add(new NpgsqlParameter { Value = taken.Epoch });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            Interlocked.Decrement(ref _queued);
        }

        lock (_book.Sync)
        {
            if (_book.Held.TryGetValue(item.Host, out var held) && held.Epoch == taken.Epoch)
            {
                held.Open--;
            }
        }

        await ReleaseIdleAsync(cancellationToken);
        return true;
    }

    public async ValueTask<IReadOnlyList<FrontierDeferral>> WithdrawAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        await RetryAsync(token => WithdrawCoreAsync(after, token), cancellationToken);

    private async Task<IReadOnlyList<FrontierDeferral>> WithdrawCoreAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        List<HeldHost> late;
        lock (_book.Sync)
        {
            late = [.. _book.Held.Values.Where(h => !h.IsLost && h.Turn.NotBefore > after)];
        }

        var withdrawn = new List<FrontierDeferral>();
        foreach (var held in late)
        {
            await using var command = _dataSource.CreateCommand("""
                DELETE FROM frontier_items WHERE host = $1 AND (taken_epoch IS NULL OR taken_epoch < $2)
                  AND EXISTS (SELECT 1 FROM host_leases WHERE host = $1 AND worker_id = $3 AND lease_epoch = $2)
                RETURNING key, host, source, page
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = held.Host });
            command.Parameters.Add(new NpgsqlParameter { Value = held.Epoch });
            command.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
            var items = new List<FrontierItem>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(FrontierRows.Item(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }

            lock (_book.Sync)
            {
                held.Releasing = true;
            }

            if (items.Count > 0)
            {
                Interlocked.Add(ref _queued, -items.Count);
                withdrawn.Add(new FrontierDeferral(held.Host, held.Turn.NotBefore, items));
            }
        }

        await ReleaseIdleAsync(cancellationToken);
        return withdrawn;
    }

    /// <summary>
    /// Puts the page of a refused write back in the shared frontier (its lease was lost before the record could be
    /// committed), so whoever holds the host now takes it; a page already back (never done) stays as it is.
    /// </summary>
    public Task GiveBackAsync(string url, string source, CancellationToken cancellationToken) =>
        RetryAsync(token => GiveBackCoreAsync(url, source, token), cancellationToken);

    private async Task<bool> GiveBackCoreAsync(string url, string source, CancellationToken cancellationToken)
    {
        var item = _taken.TryRemove(url, out var taken)
            ? taken.Item
            : new FrontierItem(source, new Discovery.DiscoveredUrl(new Uri(url)), Discovery.UrlCanonicalizer.Canonicalize(new Uri(url)).AbsoluteUri, FrontierDispatcher.HostOf(new Uri(url)));
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO frontier_items (key, host, source, page, added_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = item.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = item.Host });
        command.Parameters.Add(new NpgsqlParameter { Value = item.Source });
        command.Parameters.Add(new NpgsqlParameter { Value = FrontierRows.PageJson(item.Page) });
        command.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task WaitDrainedAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        while (true)
        {
            var left = await RetryAsync(
                async token =>
                {
                    await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM frontier_items WHERE source = ANY($1))");
                    command.Parameters.Add(new NpgsqlParameter { Value = sources.ToArray() });
                    return (bool)(await command.ExecuteScalarAsync(token))!;
                },
                cancellationToken);
            if (!left)
            {
                return;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>A page's record is committed: its item is forgotten.</summary>
    public void Settled(string url) => _taken.TryRemove(url, out _);

    /// <summary>
    /// The lease epoch the page of <paramref name="url"/> was taken under (its record is written under it even after
    /// the lease was let go for fairness), or null when this worker did not take it.
    /// </summary>
    public long? EpochOfTaken(string url) => _taken.TryGetValue(url, out var taken) ? taken.Epoch : null;

    /// <summary>Database calls retried while PostgreSQL is unreachable; null: no retry (tests).</summary>
    public DatabaseRetry? Retry { get; init; }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        Retry is { } retry ? await retry.RunAsync(call, cancellationToken) : await call(cancellationToken);

    private bool HasCandidate()
    {
        lock (_book.Sync)
        {
            return _book.Held.Values.Any(h => !h.IsLost && !h.Releasing && !h.Empty);
        }
    }

    /// <summary>
    /// Claims due hosts in batches of <c>Worker:ClaimBatch</c>, batch after batch while they come back full (more may
    /// be waiting), up to <c>Worker:MaxLeases</c>; the next claim is a poll interval on.
    /// </summary>
    private async Task ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _nextClaim = now + _options.PollInterval;
        while (Math.Min(_options.ClaimBatch, _options.MaxLeases - _book.Count) is var room and > 0)
        {
            var claimed = await _leases.ClaimAsync(room, cancellationToken);
            lock (_book.Sync)
            {
                foreach (var lease in claimed)
                {
                    if (_book.Held.Remove(lease.Host, out var stale))
                    {
                        stale.MarkLost();
                    }

                    // The first turn is the host's reserved slot, so a host taken over waits out its last holder's delay.
                    _book.Held[lease.Host] = new HeldHost(lease.Host, lease.Epoch, now, new HostTurn(now + lease.SlotIn, 1));
                }
            }

            foreach (var lease in claimed)
            {
                Claimed?.Invoke(lease);
            }

            if (claimed.Count < room)
            {
                return;
            }
        }
    }

    private async Task<FrontierItem?> TakeFromAsync(HeldHost held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            UPDATE frontier_items f SET taken_by = $2, taken_epoch = $3
            WHERE f.key = (
                SELECT key FROM frontier_items
                WHERE host = $1 AND (taken_epoch IS NULL OR taken_epoch < $3) AND (not_before IS NULL OR not_before <= now())
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
              AND EXISTS (SELECT 1 FROM host_leases WHERE host = $1 AND worker_id = $2 AND lease_epoch = $3)
            RETURNING f.key, f.host, f.source, f.page
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = held.Host });
        command.Parameters.Add(new NpgsqlParameter { Value = _leases.WorkerId });
        command.Parameters.Add(new NpgsqlParameter { Value = held.Epoch });
        FrontierItem? item = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                item = FrontierRows.Item(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        lock (_book.Sync)
        {
            if (item is null)
            {
                held.Empty = true;
                return null;
            }

            held.InFlight++;
            held.Open++;
            held.Taken++;
            if (held.Taken >= _options.MaxPagesPerLease || now - held.ClaimedAt >= _options.MaxLeaseTime)
            {
                held.Releasing = true; // fairness: others get the host once this page's work ends
            }
        }

        if (now >= _nextPrune)
        {
            _nextPrune = now + _options.LeaseTtl;
            Prune(now);
        }

        _taken[item.Page.Url.AbsoluteUri] = (item, held.Epoch, now);
        return item;
    }

    /// <summary>Lets go every held host that has nothing more to do under its lease (emptied, or released for fairness).</summary>
    private async Task ReleaseIdleAsync(CancellationToken cancellationToken)
    {
        List<HeldHost> idle;
        lock (_book.Sync)
        {
            idle = [.. _book.Held.Values.Where(h => (h.Releasing || h.Empty) && h.Open <= 0 && h.InFlight <= 0)];
            foreach (var held in idle)
            {
                _book.Held.Remove(held.Host);
            }
        }

        foreach (var held in idle)
        {
            await _leases.ReleaseAsync(held.Host, held.Epoch, cancellationToken);
            held.Dispose();
        }
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM frontier_items");
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Items whose records settled long ago are forgotten, so the map stays small.</summary>
    private void Prune(DateTimeOffset now)
    {
        var horizon = now - (3 * _options.LeaseTtl);
        foreach (var (url, taken) in _taken)
        {
            if (taken.TakenAt < horizon)
            {
                _taken.TryRemove(url, out _);
            }
        }
    }
}
