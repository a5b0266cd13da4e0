namespace NewsIngest.Ingestion.State;

/// <summary>What the state remembers of one article URL between runs.</summary>
public sealed record UrlState
{
    /// <summary>The canonicalized URL; the key.</summary>
    public required string Url { get; init; }

    /// <summary>The page's own canonical URL (rel=canonical), once fetched.</summary>
    public string? CanonicalUrl { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The <c>contentHash</c> of the last record written.</summary>
    public string? ContentHash { get; init; }

    public DateTimeOffset? LastFetchedAt { get; init; }

    /// <summary>The last fetch's outcome, e.g. <c>ok</c>, <c>not-modified</c>, <c>http-500</c>.</summary>
    public string? LastStatus { get; init; }

    /// <summary>Fetch attempts since the last success.</summary>
    public int Attempts { get; init; }

    /// <summary>The version of the last record written (0 before the first).</summary>
    public int Version { get; init; }

    /// <summary>The configured source that last took the URL into a pass.</summary>
    public string? Source { get; init; }

    /// <summary>The <c>id</c> of the URL's records (the same for every version).</summary>
    public string? RecordId { get; init; }

    /// <summary>The one-line reason of the last failure (kept after a later success, for <c>show</c>).</summary>
    public string? LastError { get; init; }

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }
}
