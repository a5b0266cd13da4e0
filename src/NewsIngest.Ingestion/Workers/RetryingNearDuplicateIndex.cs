using NewsIngest.Ingestion.NearDuplicates;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// The near-duplicate index on the shared database, each call retried while PostgreSQL is unreachable or refuses a
/// connection (<see cref="DatabaseRetry"/>), as the URL state and the writes are: without it a restart of the server
/// fails the pages being annotated, which are then fetched again at the next pass. Safe to run again: a lookup reads,
/// a flush writes its group in one transaction and keeps it until the commit, inserting each text once.
/// </summary>
public sealed class RetryingNearDuplicateIndex(INearDuplicateIndex inner, DatabaseRetry retry) : INearDuplicateIndex
{
    public Task<IReadOnlyList<IndexedText>> FindAsync(
        long textKey, IReadOnlyList<long> bandKeys, string excludeRecordId, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.FindAsync(textKey, bandKeys, excludeRecordId, since, limit, token), cancellationToken);

    public Task AddAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.AddAsync(text, bandKeys, token), cancellationToken);

    public Task FlushAsync(CancellationToken cancellationToken) => retry.RunAsync(inner.FlushAsync, cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, int maxPerSite, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.PruneAsync(before, maxPerSite, token), cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => retry.RunAsync(inner.CountAsync, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
