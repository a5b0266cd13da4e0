namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// Fetches one resource politely and anonymously: robots.txt, per-host pacing, retries, size cap and address guard
/// are the implementation's job. Failures are outcomes, not exceptions; only cancellation throws.
/// </summary>
public interface IPageFetcher
{
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
