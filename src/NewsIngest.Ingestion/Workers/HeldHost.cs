using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// A host this worker holds a lease on, as the worker keeps it: the epoch, the token its work runs under (cancelled
/// the moment the lease is found lost), its pages taken and in flight, and its next turn. Guarded by the
/// <see cref="LeaseBook"/>'s lock.
/// </summary>
internal sealed class HeldHost(string host, long epoch, DateTimeOffset claimedAt, HostTurn turn) : IDisposable
{
    private readonly CancellationTokenSource _lost = new();

    public string Host { get; } = host;

    public long Epoch { get; } = epoch;

    public DateTimeOffset ClaimedAt { get; } = claimedAt;

    public HostTurn Turn { get; set; } = turn;

    /// <summary>Pages taken under this lease (fairness: released after <c>Worker:MaxPagesPerLease</c>).</summary>
    public int Taken { get; set; }

    public int InFlight { get; set; }

    /// <summary>Pages taken whose work has not ended (the lease is kept for their commits).</summary>
    public int Open { get; set; }

    /// <summary>No more pages are taken: the lease goes once those in flight end.</summary>
    public bool Releasing { get; set; }

    /// <summary>The last take found nothing of this host to take.</summary>
    public bool Empty { get; set; }

    /// <summary>Fires when the lease is lost: the host's work stops at once.</summary>
    public CancellationToken LostToken => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public void MarkLost() => _lost.Cancel();

    public void Dispose() => _lost.Dispose();
}
