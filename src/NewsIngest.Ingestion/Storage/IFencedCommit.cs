using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// A batch's fenced commit (<see cref="ICommitFence.OpenAsync"/>): the writes it refused, and the commit of the
/// others once their lines are durable. Disposing it without committing rolls back; the pending writes stay for the
/// reconcile.
/// </summary>
public interface IFencedCommit : IAsyncDisposable
{
    /// <summary>Writes refused (no line may be written for them), with the reason and whether to give the page back.</summary>
    IReadOnlyList<(PendingWrite Write, string Reason, bool GiveBack)> Refused { get; }

    /// <summary>
    /// Step 3 for the writes not refused: their pending state becomes the URL's state, in the open transaction. Returns
    /// those whose version another worker committed after all: their lines are duplicates, left for the reconcile.
    /// </summary>
    Task<IReadOnlyList<PendingWrite>> CommitAsync(CancellationToken cancellationToken);
}
