namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Each request's slot on its host across all workers (<see cref="HostLeases.ReserveSlotAsync"/>), asked by the
/// politeness handler before every attempt once a worker session is attached; without one (SQLite, one process) it
/// does nothing and the in-process gate alone spaces requests. A request to a host this worker holds reserves under
/// the lease's epoch, and finding the lease gone stops the request; any other request (a feed, a robots.txt) reserves
/// whoever holds the host. The wait is on the worker's clock, for the span the database gave.
/// </summary>
public sealed class SharedHostSlots(TimeProvider time)
{
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    private HostLeases? _leases;
    private LeaseBook? _book;
    private DatabaseRetry? _retry;

    /// <summary>From now on requests reserve their slots in the shared database.</summary>
    public void Attach(HostLeases leases, LeaseBook book, DatabaseRetry retry)
    {
        _leases = leases;
        _book = book;
        _retry = retry;
    }

    /// <summary>
    /// Waits for the next slot of the host of <paramref name="url"/>, <paramref name="spacing"/> after the end of the
    /// last request to it from any worker; the slot's token, to give to <see cref="EndAsync"/> when the request has
    /// ended, or null when requests are spaced in this process alone.
    /// </summary>
    public async Task<long?> WaitAsync(Uri url, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_leases is not { } leases || spacing <= TimeSpan.Zero || url.IsFile)
        {
            return null;
        }

        var host = url.Authority;
        while (true)
        {
            var epoch = _book!.EpochOf(host);
            var turn = await _retry!.RunAsync(token => leases.ReserveSlotAsync(host, spacing, epoch, token), cancellationToken);
            if (turn is null)
            {
                // Taken over since: this request must not go out.
                _book.MarkLost([host]);
                throw new OperationCanceledException($"the lease of {host} was lost", null, _book.LostTokenOf(host));
            }

            if (!turn.Value.Reserved)
            {
                await Task.Delay(turn.Value.Wait, time, cancellationToken);
                continue;
            }

            if (turn.Value.Wait > TimeSpan.Zero)
            {
                try
                {
                    await WaitOutAsync(turn.Value.Wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // No request goes out on this slot: the host is free again at once (its next slot stays as reserved).
                    await EndAsync(url, TimeSpan.Zero, turn.Value.Token);
                    throw;
                }
            }

            // After a wait (the process may have been paused in it), the slot must still be ours when the request
            // goes out; else another worker's request may have taken the host meanwhile.
            if (turn.Value.Wait <= TimeSpan.Zero
                || await _retry.RunAsync(t => leases.ConfirmSlotAsync(host, turn.Value.Token, t), cancellationToken))
            {
                return turn.Value.Token;
            }
        }
    }

    /// <summary>
    /// Waits <paramref name="wait"/> in full: a timer counts whole milliseconds and may fire up to one early, so what
    /// is left is measured on the precise clock and waited again (as <see cref="Politeness.HostGate"/> looks again after
    /// each wait), at least a millisecond at a time.
    /// </summary>
    private async Task WaitOutAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        for (var left = wait; left > TimeSpan.Zero; left = wait - time.GetElapsedTime(start))
        {
            await Task.Delay(left < OneMillisecond ? OneMillisecond : left, time, cancellationToken);
        }
    }

    /// <summary>The request of slot <paramref name="token"/> to the host of <paramref name="url"/> has ended (whatever its outcome).</summary>
    public async Task EndAsync(Uri url, TimeSpan spacing, long token)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_leases is { } leases)
        {
            // Not the request's token: the end is recorded even for a request that was cancelled. Tried for as long
            // as the slot keeps the host busy anyway; after that (the database still unreachable) the host is free
            // by itself.
            using var bound = new CancellationTokenSource(leases.Ttl, time);
            try
            {
                await _retry!.RunAsync(t => leases.EndSlotAsync(url.Authority, spacing, token, t), bound.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
            }
        }
    }
}
