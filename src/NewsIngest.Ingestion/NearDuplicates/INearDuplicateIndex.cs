namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// Where the near-duplicate index is kept (SQLite beside the state: <see cref="SqliteNearDuplicateIndex"/>; a
/// PostgreSQL one can follow). It stores and finds; <see cref="NearDuplicateAnnotator"/> decides. Calls come from one
/// caller at a time.
/// </summary>
public interface INearDuplicateIndex : IAsyncDisposable
{
    /// <summary>
    /// Entries added since <paramref name="since"/>, other than <paramref name="excludeRecordId"/>'s: those with the
    /// text key <paramref name="textKey"/>, then up to <paramref name="limit"/> sharing the most of
    /// <paramref name="bandKeys"/> (earliest first among equals).
    /// </summary>
    Task<IReadOnlyList<IndexedText>> FindAsync(
        long textKey, IReadOnlyList<long> bandKeys, string excludeRecordId, DateTimeOffset since, int limit,
        CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="text"/>, or replaces the entry of its record id keeping its place in the order. An index may
    /// hold new entries before it writes them (found all the same) until <see cref="FlushAsync"/>.
    /// </summary>
    Task AddAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken);

    /// <summary>Writes the entries added and not written yet; disposing flushes too.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Drops entries added before <paramref name="before"/> and all but the newest <paramref name="maxPerSite"/> of each site.</summary>
    Task<int> PruneAsync(DateTimeOffset before, int maxPerSite, CancellationToken cancellationToken);

    /// <summary>How many entries the index holds.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
