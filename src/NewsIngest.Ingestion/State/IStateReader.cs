namespace NewsIngest.Ingestion.State;

/// <summary>
/// The read-only queries of the inspection commands (<c>status</c>, <c>show</c>, <c>failures</c>), over whichever
/// state <c>State:Provider</c> names (<see cref="StateReader"/> for SQLite, <c>PostgresStateReader</c>). Opening one
/// never creates, migrates or locks the state.
/// </summary>
public interface IStateReader : IAsyncDisposable
{
    /// <summary>Where the state is: the file's path, or the database's host, port, name and schema.</summary>
    string Location { get; }

    /// <summary>The state's schema version.</summary>
    int SchemaVersion { get; }

    /// <summary>True when the state records passes and failure reasons.</summary>
    bool HasHistory { get; }

    /// <summary>The state of <paramref name="url"/> (the key), or null.</summary>
    Task<UrlState?> FindUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>The state whose page named <paramref name="canonicalUrl"/> canonical, or null.</summary>
    Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken);

    /// <summary>The state whose records carry <paramref name="recordId"/>, or null.</summary>
    Task<UrlState?> FindByRecordIdAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>
    /// Failing URLs (see <see cref="UrlStatuses"/>) and those deferred to the next pass, most recent first; with
    /// <paramref name="since"/>, only those whose last failure or deferral is at or after it.
    /// </summary>
    Task<IReadOnlyList<UrlState>> FailingAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Every URL's state, most recently fetched first.</summary>
    Task<IReadOnlyList<UrlState>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Per source named in the state: URLs, records written (the sum of their versions) and failing URLs.</summary>
    Task<IReadOnlyDictionary<string, SourceTotals>> SourceTotalsAsync(CancellationToken cancellationToken);

    /// <summary>The last recorded pass of each source.</summary>
    Task<IReadOnlyDictionary<string, PassRecord>> LastPassesAsync(CancellationToken cancellationToken);

    /// <summary>What the state keeps of each host's pacing and cooldown, by host.</summary>
    Task<IReadOnlyList<HostRecord>> HostsAsync(CancellationToken cancellationToken);

    /// <summary>The workers of a shared (PostgreSQL) state and their leases, by id; none for SQLite (one process).</summary>
    Task<IReadOnlyList<WorkerRecord>> WorkersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkerRecord>>([]);
}
