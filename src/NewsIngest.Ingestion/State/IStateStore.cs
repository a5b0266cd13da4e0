namespace NewsIngest.Ingestion.State;

/// <summary>
/// Durable per-URL state that survives restarts and crashes (one SQLite file in WAL mode).
/// Writes are atomic per call.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>The state of <paramref name="url"/>, or null when it was never seen.</summary>
    Task<UrlState?> GetAsync(string url, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the state of <see cref="UrlState.Url"/>.</summary>
    Task SaveAsync(UrlState state, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces every state in one transaction (a rebuild of the URL index).</summary>
    Task SaveAllAsync(IReadOnlyList<UrlState> states, CancellationToken cancellationToken);

    /// <summary>How many URLs the state knows.</summary>
    Task<long> CountUrlsAsync(CancellationToken cancellationToken);

    /// <summary>The state whose <see cref="UrlState.CanonicalUrl"/> is <paramref name="canonicalUrl"/>, if any.</summary>
    Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken);

    /// <summary>The URLs whose records have the id <paramref name="recordId"/> (one, unless two addresses share it), by URL.</summary>
    Task<IReadOnlyList<UrlState>> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>Every URL with a record written (version 1 or later), by URL: start-up recovery's last resort.</summary>
    Task<IReadOnlyList<UrlState>> GetRecordedAsync(CancellationToken cancellationToken);

    /// <summary>Remembers a record about to be appended (step 1 of the exactly-once protocol).</summary>
    Task BeginWriteAsync(PendingWrite pending, CancellationToken cancellationToken);

    /// <summary>Step 1 for a batch of records, in one transaction: durable when it returns.</summary>
    Task BeginWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken);

    /// <summary>The record of <paramref name="url"/> is durable: its pending state becomes the URL's state (step 3).</summary>
    Task CommitWriteAsync(string url, CancellationToken cancellationToken);

    /// <summary>Step 3 for a batch, in one transaction: each pending state becomes its URL's state.</summary>
    Task CommitWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken);

    /// <summary>Forgets the pending write of <paramref name="url"/>: the record never reached the output.</summary>
    Task DropWriteAsync(string url, CancellationToken cancellationToken);

    /// <summary>Forgets the pending writes of <paramref name="urls"/> in one transaction.</summary>
    Task DropWritesAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken);

    /// <summary>Writes begun but neither committed nor dropped (a crash came between append and commit).</summary>
    Task<IReadOnlyList<PendingWrite>> GetPendingWritesAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces where the last raw body of <see cref="ArchiveEntry.Url"/> is archived.</summary>
    Task SaveArchiveEntryAsync(ArchiveEntry entry, CancellationToken cancellationToken);

    /// <summary>Every archived URL, in URL order.</summary>
    Task<IReadOnlyList<ArchiveEntry>> GetArchiveEntriesAsync(CancellationToken cancellationToken);
}
