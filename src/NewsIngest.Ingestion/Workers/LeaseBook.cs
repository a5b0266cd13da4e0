namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The host leases this worker holds, shared by the frontier (which takes pages only of held hosts), the lease
/// keeper (which renews them and marks lost ones), the slot reservation and the fenced commit (which check a host's
/// epoch). Thread-safe.
/// </summary>
public sealed class LeaseBook
{
    private readonly Dictionary<string, HeldHost> _held = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _sync = new();

    /// <summary>Called (outside the lock) with a host whose lease was found lost.</summary>
    public event Action<string>? Lost;

    /// <summary>Hosts held now.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The epoch this worker holds <paramref name="host"/> under, or null when it does not hold it.</summary>
    public long? EpochOf(string host)
    {
        lock (_sync)
        {
            return _held.TryGetValue(host, out var held) && !held.IsLost ? held.Epoch : null;
        }
    }

    /// <summary>A token that fires when the lease of <paramref name="host"/> is lost (already fired when it is not held).</summary>
    public CancellationToken LostTokenOf(string host)
    {
        lock (_sync)
        {
            return _held.TryGetValue(host, out var held) ? held.LostToken : new CancellationToken(canceled: true);
        }
    }

    /// <summary>Every held lease (host and epoch), for renewal.</summary>
    public IReadOnlyList<(string Host, long Epoch)> Snapshot()
    {
        lock (_sync)
        {
            return [.. _held.Values.Where(h => !h.IsLost).Select(h => (h.Host, h.Epoch))];
        }
    }

    /// <summary>The renewal found these leases gone: their work stops now and they are forgotten.</summary>
    public void MarkLost(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var lost = new List<string>();
        lock (_sync)
        {
            foreach (var host in hosts)
            {
                if (_held.Remove(host, out var held))
                {
                    held.MarkLost();
                    lost.Add(host);
                }
            }
        }

        foreach (var host in lost)
        {
            Lost?.Invoke(host);
        }
    }

    /// <summary>Every lease is lost (the registration was taken over): all work stops.</summary>
    public void MarkAllLost()
    {
        List<string> hosts;
        lock (_sync)
        {
            hosts = [.. _held.Keys];
        }

        MarkLost(hosts);
    }

    internal Lock Sync => _sync;

    /// <summary>The held hosts (call under <see cref="Sync"/>).</summary>
    internal Dictionary<string, HeldHost> Held => _held;
}
