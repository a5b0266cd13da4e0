namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// The frontier of one process: a queue per host and a heap of the hosts that can start, ordered by their next
/// allowed start (ties: the host that has waited longest). Taking is O(log hosts).
/// </summary>
public sealed class InMemoryFrontierStore : IFrontierStore
{
    private readonly Dictionary<string, HostQueue> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(HostQueue Host, int Version), (DateTimeOffset NotBefore, long Order)> _ready = new();
    private readonly Lock _sync = new();
    private long _order;
    private int _queued;

    public int Queued => Volatile.Read(ref _queued);

    public ValueTask<bool> AddAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_sync)
        {
            if (!_keys.Add(item.Key))
            {
                return ValueTask.FromResult(false);
            }

            if (!_hosts.TryGetValue(item.Host, out var host))
            {
                host = new HostQueue(item.Host, turn);
                _hosts[item.Host] = host;
            }

            var couldStart = host.CanStart;
            host.Enqueue(item);
            _queued++;
            if (!couldStart)
            {
                Schedule(host);
            }
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask<FrontierTake> TakeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            while (_ready.TryPeek(out var entry, out var priority))
            {
                var host = entry.Host;
                if (entry.Version != host.Version || !host.CanStart)
                {
                    _ready.Dequeue(); // stale: the host moved, emptied or filled up since
                    continue;
                }

                if (priority.NotBefore > now)
                {
                    return ValueTask.FromResult(new FrontierTake(null, priority.NotBefore));
                }

                _ready.Dequeue();
                var item = host.Dequeue();
                _queued--;
                host.InFlight++;
                host.Version++;
                if (host.CanStart)
                {
                    // A host that takes several at once goes to the back of those ready now.
                    Schedule(host);
                }

                return ValueTask.FromResult(new FrontierTake(item, null));
            }

            return ValueTask.FromResult(new FrontierTake(null, null));
        }
    }

    public ValueTask DeferAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_sync)
        {
            var host = _hosts[item.Host];
            host.InFlight--;
            host.PutFront(item);
            _queued++;
            host.Turn = turn;
            Schedule(host);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_sync)
        {
            var host = _hosts[item.Host];
            host.InFlight--;
            host.Turn = turn;
            Schedule(host);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(FrontierItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_sync)
        {
            _keys.Remove(item.Key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<FrontierDeferral>> WithdrawAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var withdrawn = new List<FrontierDeferral>();
        lock (_sync)
        {
            foreach (var host in _hosts.Values)
            {
                if (host.Count > 0 && host.Turn.NotBefore > after)
                {
                    var items = host.DequeueAll();
                    _queued -= items.Count;
                    _keys.ExceptWith(items.Select(i => i.Key));
                    host.Version++; // its heap entries are stale now
                    withdrawn.Add(new FrontierDeferral(host.Key, host.Turn.NotBefore, items));
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FrontierDeferral>>(withdrawn);
    }

    private void Schedule(HostQueue host)
    {
        host.Version++;
        if (host.CanStart)
        {
            _ready.Enqueue((host, host.Version), (host.Turn.NotBefore, _order++));
        }
    }
}
