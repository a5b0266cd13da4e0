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

/// <summary>The four ways a tracked fetch ends.</summary>
internal enum ResourceFetchStatus
{
    /// <summary>200: a new body to parse.</summary>
    Fetched,

    /// <summary>304: re-use the previous listing.</summary>
    NotModified,

    /// <summary>Not fetched: the resource is backing off after failures.</summary>
    BackingOff,

    /// <summary>The fetch failed.</summary>
    Failed,
}
