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

    /// <summary>The state whose <see cref="UrlState.CanonicalUrl"/> is <paramref name="canonicalUrl"/>, if any.</summary>
    Task<UrlState?> FindByCanonicalAsync(string canonicalUrl, CancellationToken cancellationToken);
}
