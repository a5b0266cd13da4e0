using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// Starts the frontier's work: whenever fewer than <c>maxConcurrency</c> items are in flight, it takes the item of
/// the host whose turn comes first and starts it; when no host's turn has come it sleeps until the first one does, or
/// until an item is added or finished. Waiting for a host's turn holds no slot. Before starting an item it asks
/// <see cref="IHostPacing"/> again (a feed read or a robots.txt fetch may have used the host meanwhile) and puts the
/// item back if the host is not free after all; after it, the host's next turn is what politeness says then. With an
/// <see cref="Admission"/>, it first waits for room for one more page (bytes in flight), before it takes any item.
/// </summary>
public sealed class FrontierDispatcher : IFrontierGauge
{
    private readonly IFrontierStore _store;
    private readonly IHostPacing? _pacing;
    private readonly TimeProvider _time;
    private readonly int _unpacedLimit;
    private readonly TimeSpan? _maxHostWait;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _sync = new();
    private TaskCompletionSource _wake = NewSignal();
    private int _running;
    private bool _addingCompleted;

    /// <param name="store">The host queues.</param>
    /// <param name="pacing">Politeness' view of each host; null paces nothing (files, tests).</param>
    /// <param name="maxConcurrency">Items in flight at once.</param>
    /// <param name="unpacedLimit">Items of one host at once when it is not paced (files, or no pacing).</param>
    /// <param name="time">The clock.</param>
    /// <param name="maxHostWait">
    /// The longest to wait for a host's turn: a host whose turn lies further off has its queued items withdrawn and
    /// handed to <see cref="Deferred"/>; null waits for any turn.
    /// </param>
    public FrontierDispatcher(
        IFrontierStore store, IHostPacing? pacing, int maxConcurrency, int unpacedLimit, TimeProvider time, TimeSpan? maxHostWait = null)
    {
        _maxHostWait = maxHostWait;
        _store = store;
        _pacing = pacing;
        _time = time;
        _unpacedLimit = Math.Max(1, unpacedLimit);
        _slots = new SemaphoreSlim(Math.Max(1, maxConcurrency));
    }

    /// <summary>
    /// Called, with the time of the next host's turn, whenever the dispatcher goes to sleep until that turn with
    /// nothing in flight and nothing more to be added: only the clock can move it on. Lets a test on a fake clock
    /// advance it exactly to the next turn.
    /// </summary>
    public Action<DateTimeOffset>? Idle { get; set; }

    /// <summary>
    /// Given the items of a host whose turn lies beyond the longest wait, as they are withdrawn (none is started);
    /// without it they are dropped. Called from the dispatching loop: keep it short.
    /// </summary>
    public Func<FrontierDeferral, CancellationToken, Task>? Deferred { get; init; }

    /// <summary>
    /// Room for one more page (the fetcher's body budget), asked before the next item is taken, so an item waiting for
    /// room has taken no host's turn; null admits every page a slot allows.
    /// </summary>
    public IFrontierAdmission? Admission { get; init; }

    /// <summary>
    /// Long-lived (<c>run</c>): adding is never complete, so <c>RunAsync</c> goes on until its dispatch token fires,
    /// and <see cref="Idle"/> is told whenever nothing is in flight.
    /// </summary>
    public bool Continuous { get; init; }

    /// <summary>The store the dispatcher takes from.</summary>
    internal IFrontierStore Store => _store;

    /// <summary>Items started and not finished.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Items queued and not started.</summary>
    public int FrontierSize => _store.Queued;

    /// <summary>Hosts in cooldown, as politeness sees them (0 when nothing is paced).</summary>
    public int HostsInCooldown => _pacing?.HostsInCooldown ?? 0;

    /// <summary>The host queue of a URL: its authority, as politeness keys hosts, or <c>file:</c>.</summary>
    public static string HostOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsFile ? "file:" : url.Authority;
    }

    /// <summary>Queues a page; false when the same page (key) is already in the frontier.</summary>
    public async ValueTask<bool> AddAsync(string source, DiscoveredUrl page, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var item = new FrontierItem(source, page, key, HostOf(page.Url));
        var added = await _store.AddAsync(item, TurnOf(item), cancellationToken);
        if (added)
        {
            Wake();
        }

        return added;
    }

    /// <summary>No more items will be added: <c>RunAsync</c> ends once the queued ones are done.</summary>
    public void CompleteAdding()
    {
        lock (_sync)
        {
            _addingCompleted = true;
        }

        Wake();
    }

    /// <summary>
    /// Runs items through <paramref name="process"/> until adding is complete and nothing is queued or in flight, or
    /// until <paramref name="dispatchToken"/> asks to start nothing more; then waits for the items in flight.
    /// <paramref name="workToken"/> is handed to each item (it may fire later than the dispatch token).
    /// </summary>
    public Task RunAsync(Func<FrontierItem, CancellationToken, Task> process, CancellationToken dispatchToken, CancellationToken workToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        return RunAsync((item, _, token) => process(item, token), dispatchToken, workToken);
    }

    /// <summary>
    /// As <see cref="RunAsync(Func{FrontierItem, CancellationToken, Task}, CancellationToken, CancellationToken)"/>;
    /// an item may call the action it is given once its request has ended, to free its host for the next item while
    /// it goes on (extraction, storage) in its slot; otherwise the host is freed when the item ends.
    /// </summary>
    public async Task RunAsync(Func<FrontierItem, Action, CancellationToken, Task> process, CancellationToken dispatchToken, CancellationToken workToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        var inFlight = new HashSet<Task>();
        try
        {
            while (!dispatchToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(dispatchToken);
                var ticket = Admission is null ? null : await AdmitAsync(Admission, dispatchToken);
                FrontierItem? item;
                try
                {
                    item = await NextAsync(dispatchToken);
                }
                catch
                {
                    ticket?.Dispose();
                    throw;
                }

                if (item is null)
                {
                    ticket?.Dispose();
                    _slots.Release();
                    break;
                }

                Interlocked.Increment(ref _running);
                var task = RunOneAsync(process, item, ticket, workToken);
                lock (inFlight)
                {
                    inFlight.Add(task);
                }

                _ = task.ContinueWith(
                    t =>
                    {
                        lock (inFlight)
                        {
                            inFlight.Remove(t);
                        }
                    },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (dispatchToken.IsCancellationRequested)
        {
            // Asked to start nothing more: what is in flight finishes below.
        }

        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAll(pending);
    }

    private async Task<IAdmissionTicket> AdmitAsync(IFrontierAdmission admission, CancellationToken cancellationToken)
    {
        try
        {
            return await admission.AdmitAsync(cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private async Task RunOneAsync(
        Func<FrontierItem, Action, CancellationToken, Task> process, FrontierItem item, IAdmissionTicket? ticket, CancellationToken workToken)
    {
        var released = 0;
        Task hostFreed = Task.CompletedTask;
        void ReleaseHost()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                // The host's next turn is what politeness says now its request has ended (spacing, Crawl-delay, cooldown).
                hostFreed = _store.CompleteAsync(item, TurnOf(item), CancellationToken.None).AsTask();
                Wake();
            }
        }

        try
        {
            await Task.Yield(); // the dispatcher goes on taking while this item runs
            ticket?.Enter();
            await process(item, ReleaseHost, workToken);
        }
        finally
        {
            ReleaseHost();
            await hostFreed;
            await _store.ReleaseAsync(item, CancellationToken.None);
            Interlocked.Decrement(ref _running);
            ticket?.Dispose(); // its room goes back once the item has fully ended
            _slots.Release();
            Wake();
        }
    }

    /// <summary>The next item whose host is free now, waiting for a turn if needed; null when all is done.</summary>
    private async Task<FrontierItem?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task wake;
            bool finished;
            lock (_sync)
            {
                wake = _wake.Task; // taken before looking, so a wake-up in between is not lost
                finished = _addingCompleted;
            }

            var now = _time.GetUtcNow();
            var take = await _store.TakeAsync(now, cancellationToken);
            if (take.Item is { } item)
            {
                var turn = TurnOf(item, now);
                if (turn.NotBefore <= now)
                {
                    return item;
                }

                await _store.DeferAsync(item, turn, cancellationToken);
                if (IsBeyondWait(turn.NotBefore, now))
                {
                    await WithdrawAsync(now, cancellationToken);
                }

                continue;
            }

            if (take.NextTurnAt is { } next && IsBeyondWait(next, now) && await WithdrawAsync(now, cancellationToken))
            {
                continue;
            }

            if (finished && take.NextTurnAt is null && _store.Queued == 0 && Running == 0)
            {
                return null;
            }

            await SleepAsync(wake, now, take.NextTurnAt, cancellationToken);
        }
    }

    private bool IsBeyondWait(DateTimeOffset turn, DateTimeOffset now) => _maxHostWait is { } wait && turn - now > wait;

    /// <summary>Withdraws the hosts whose turn lies beyond the longest wait; true when there were any.</summary>
    private async Task<bool> WithdrawAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var withdrawn = await _store.WithdrawAsync(now + _maxHostWait!.Value, cancellationToken);
        foreach (var deferral in withdrawn)
        {
            if (Deferred is { } deferred)
            {
                await deferred(deferral, cancellationToken);
            }
        }

        return withdrawn.Count > 0;
    }

    private async Task SleepAsync(Task wake, DateTimeOffset now, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The timer is armed before Idle is told, so a test advancing the clock from Idle cannot slip past it.
        var timer = until is { } at
            ? Task.Delay(at > now ? at - now : TimeSpan.Zero, _time, sleep.Token)
            : Task.Delay(Timeout.Infinite, sleep.Token);
        bool settled;
        lock (_sync)
        {
            settled = (_addingCompleted || Continuous) && Running == 0;
        }

        if (settled && until is { } turn)
        {
            Idle?.Invoke(turn);
        }

        await Task.WhenAny(wake, timer);
        await sleep.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private HostTurn TurnOf(FrontierItem item) => TurnOf(item, _time.GetUtcNow());

    private HostTurn TurnOf(FrontierItem item, DateTimeOffset now)
    {
        if (_pacing is null || item.Page.Url.IsFile)
        {
            return new HostTurn(now, _unpacedLimit);
        }

        return new HostTurn(now + _pacing.TimeUntilReady(item.Page.Url), _pacing.ConcurrencyOf(item.Page.Url));
    }

    private void Wake()
    {
        TaskCompletionSource woken;
        lock (_sync)
        {
            woken = _wake;
            _wake = NewSignal();
        }

        woken.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
