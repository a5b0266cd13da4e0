using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>How fetching one feed or sitemap went, with what the cache knew before.</summary>
internal sealed record ResourceFetch(
    ResourceFetchStatus Status,
    Uri Url,
    ResourceState? Previous,
    FetchResult? Result,
    string? Error);
