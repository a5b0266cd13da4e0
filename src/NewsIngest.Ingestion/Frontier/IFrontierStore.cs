namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// Where the frontier keeps its host queues and each host's turn. The <see cref="FrontierDispatcher"/> decides when
/// to start work and talks to politeness; a store only orders it, so a shared store (a database several workers
/// take from) can replace <see cref="InMemoryFrontierStore"/> without touching the dispatcher. Calls for one store
/// come from one dispatcher but from several threads.
/// </summary>
public interface IFrontierStore
{
    /// <summary>
    /// Queues <paramref name="item"/> behind its host; <paramref name="turn"/> applies when the host is new to the
    /// store. False when an item with the same <see cref="FrontierItem.Key"/> is in the store (queued, or taken and not
    /// released yet).
    /// </summary>
    ValueTask<bool> AddAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the next item of the host whose turn came first, if that turn is at or before <paramref name="now"/> and
    /// the host is below its limit; the host then has one more item in flight until it is completed or deferred.
    /// </summary>
    ValueTask<FrontierTake> TakeAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts a taken item back, first in its host's queue, and sets the host's next turn.</summary>
    ValueTask DeferAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken);

    /// <summary>A taken item's request is done; sets the host's next turn.</summary>
    ValueTask CompleteAsync(FrontierItem item, HostTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// A taken item's work has ended (after <see cref="CompleteAsync"/>): its key may be added again, as a long-lived
    /// frontier's next pass of the same source does.
    /// </summary>
    ValueTask ReleaseAsync(FrontierItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Takes out every queued item of each host whose next turn lies after <paramref name="after"/> (items in flight
    /// stay), for the pass to defer to the next one; their keys may be added again.
    /// </summary>
    ValueTask<IReadOnlyList<FrontierDeferral>> WithdrawAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>Items queued and not taken.</summary>
    int Queued { get; }
}
