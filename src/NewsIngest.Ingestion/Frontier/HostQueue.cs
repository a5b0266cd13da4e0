namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// The pages of one host in <see cref="InMemoryFrontierStore"/>: one queue per source, served round-robin, so a
/// source with 5,000 pages on a host does not starve one with 5 on the same host. A source that joins (or rejoins)
/// the host goes next, ahead of those already served: sources are discovered concurrently, and one read first must
/// not take two turns before the other's first. Not thread-safe: the store locks.
/// </summary>
internal sealed class HostQueue(string key, HostTurn turn)
{
    private readonly Dictionary<string, Queue<FrontierItem>> _bySource = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _rotation = new();
    private readonly Stack<FrontierItem> _deferred = new();

    public string Key { get; } = key;

    public HostTurn Turn { get; set; } = turn;

    public int InFlight { get; set; }

    /// <summary>Bumped whenever the host's place in the ready heap changes; older heap entries are ignored.</summary>
    public int Version { get; set; }

    public int Count { get; private set; }

    public bool CanStart => Count > 0 && InFlight < Math.Max(1, Turn.Limit);

    public void Enqueue(FrontierItem item)
    {
        if (!_bySource.TryGetValue(item.Source, out var queue))
        {
            queue = new Queue<FrontierItem>();
            _bySource[item.Source] = queue;
        }

        if (queue.Count == 0)
        {
            _rotation.AddFirst(item.Source);
        }

        queue.Enqueue(item);
        Count++;
    }

    /// <summary>A deferred item first, else the next source in turn gives its oldest item.</summary>
    public FrontierItem Dequeue()
    {
        Count--;
        if (_deferred.TryPop(out var deferred))
        {
            return deferred;
        }

        var source = _rotation.First!.Value;
        _rotation.RemoveFirst();
        var queue = _bySource[source];
        var item = queue.Dequeue();
        if (queue.Count > 0)
        {
            _rotation.AddLast(source);
        }
        else
        {
            _bySource.Remove(source);
        }

        return item;
    }

    /// <summary>Takes out every queued item, in the order they would have been served.</summary>
    public List<FrontierItem> DequeueAll()
    {
        var all = new List<FrontierItem>(Count);
        while (Count > 0)
        {
            all.Add(Dequeue());
        }

        return all;
    }

    public void PutFront(FrontierItem item)
    {
        _deferred.Push(item);
        Count++;
    }
}
