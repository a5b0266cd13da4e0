namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// A frontier store several workers share: a pass's pages may be done by any of them, so a pass of <c>run</c> ends when
/// none of its sources' pages is left in the store, not when this worker has done them all.
/// </summary>
public interface ISharedFrontierStore : IFrontierStore
{
    /// <summary>Completes once no page of <paramref name="sources"/> is queued or in flight in the store (any worker's).</summary>
    Task WaitDrainedAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken);
}
