namespace NewsIngest.Ingestion.Fetching.Local;

/// <summary>
/// Sends <c>file:</c> URLs to <see cref="FileFetcher"/> and http(s) URLs to the network fetcher, when one is
/// registered; without one, http(s) is <see cref="FetchOutcome.Unsupported"/> with a clear reason.
/// </summary>
public sealed class PageFetcherRouter(FileFetcher files, IPageFetcher? network) : IPageFetcher
{
    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (request.Url.IsFile)
        {
            return files.FetchAsync(request, cancellationToken);
        }

        if (request.Url.Scheme is "http" or "https")
        {
            return network is not null
                ? network.FetchAsync(request, cancellationToken)
                : Task.FromResult(Unsupported(request, "no HTTP fetcher in this build: only file: sources can be read"));
        }

        return Task.FromResult(Unsupported(request, $"unsupported URL scheme '{request.Url.Scheme}:'"));
    }

    private static FetchResult Unsupported(FetchRequest request, string error) => new()
    {
        Outcome = FetchOutcome.Unsupported,
        RequestedUrl = request.Url,
        Error = error,
    };
}
