using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// A worker's URL state on the shared database, each call retried while PostgreSQL is unreachable
/// (<see cref="DatabaseRetry"/>): every call is one statement or one transaction, so running it again after a fault
/// is safe. The record protocol's pending writes of a worker do not come here: they go through
/// <see cref="FencedWrites"/>.
/// </summary>
public sealed class RetryingStateStore(IStateStore inner, DatabaseRetry retry) : IStateStore
{
    public Task<UrlState?> GetAsync(string url, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.GetAsync(url, token), cancellationToken);

    public Task SaveAsync(UrlState state, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveAsync(state, token), cancellationToken);

    public Task SaveAllAsync(IReadOnlyList<UrlState> states, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveAllAsync(states, token), cancellationToken);

    public Task<long> CountUrlsAsync(CancellationToken cancellationToken) =>
        retry.RunAsync(inner.CountUrlsAsync, cancellationToken);

    public Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.FindByCanonicalAsync(canonicalUrl, token), cancellationToken);

    public Task<IReadOnlyList<UrlState>> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.FindByRecordIdAsync(recordId, token), cancellationToken);

    public Task<IReadOnlyList<UrlState>> GetRecordedAsync(CancellationToken cancellationToken) =>
        retry.RunAsync(inner.GetRecordedAsync, cancellationToken);

    public Task BeginWriteAsync(PendingWrite pending, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.BeginWriteAsync(pending, token), cancellationToken);

    public Task BeginWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.BeginWritesAsync(pending, token), cancellationToken);

    public Task CommitWriteAsync(string url, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.CommitWriteAsync(url, token), cancellationToken);

    public Task CommitWritesAsync(IReadOnlyList<PendingWrite> pending, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.CommitWritesAsync(pending, token), cancellationToken);

    public Task DropWriteAsync(string url, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.DropWriteAsync(url, token), cancellationToken);

    public Task DropWritesAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.DropWritesAsync(urls, token), cancellationToken);

    public Task<IReadOnlyList<PendingWrite>> GetPendingWritesAsync(CancellationToken cancellationToken) =>
        retry.RunAsync(inner.GetPendingWritesAsync, cancellationToken);

    public Task SaveArchiveEntryAsync(ArchiveEntry entry, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.SaveArchiveEntryAsync(entry, token), cancellationToken);

    public Task<IReadOnlyList<ArchiveEntry>> GetArchiveEntriesAsync(CancellationToken cancellationToken) =>
        retry.RunAsync(inner.GetArchiveEntriesAsync, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
