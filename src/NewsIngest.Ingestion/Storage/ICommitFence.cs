using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// The exactly-once protocol of one worker among several sharing a state (<c>Workers/</c>): every step checks that
/// this worker still holds its registration and each page's host lease, so a worker that lost them (paused past its
/// lease, taken over) writes nothing twice. Without a fence, <see cref="RecordBatchWriter"/> runs the protocol on the
/// state directly, as a single process does.
/// </summary>
public interface ICommitFence
{
    /// <summary>
    /// Step 1: records the pending writes (durable when it returns); returns those refused and not recorded, with the
    /// reason (their host is not held).
    /// </summary>
    Task<IReadOnlyList<(PendingWrite Write, string Reason)>> BeginAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the transaction that holds the registration and the hosts' leases while the lines are appended (a
    /// takeover waits for it), refusing the writes whose lease is lost or whose version another worker committed.
    /// </summary>
    Task<IFencedCommit> OpenAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken);

    /// <summary>
    /// Settles this worker's pending writes against its files, as start-up recovery does, fenced: a record found is
    /// committed only while its version is free, else its line is moved out of the file.
    /// </summary>
    Task<(IReadOnlyList<string> Committed, IReadOnlyList<string> Dropped)> ReconcileAsync(string directory, string prefix, CancellationToken cancellationToken);

    /// <summary>Refused writes whose page was not written elsewhere go back to the shared frontier.</summary>
    Task GiveBackAsync(IReadOnlyList<PendingWrite> refused, CancellationToken cancellationToken);
}
