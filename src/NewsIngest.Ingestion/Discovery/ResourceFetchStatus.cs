namespace NewsIngest.Ingestion.Discovery;

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
