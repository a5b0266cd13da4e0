namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>
/// What discovery remembers of one feed or sitemap URL: validators for the conditional GET, what it listed last
/// time (re-used on 304), and its failure back-off.
/// </summary>
public sealed record ResourceState
{
    /// <summary>The feed or sitemap URL as configured or discovered (the key).</summary>
    public required string Url { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public DateTimeOffset? LastFetchedAt { get; init; }

    /// <summary>Consecutive failed fetches or parses; 0 after a success.</summary>
    public int Failures { get; init; }

    /// <summary>No fetch before this time (exponential back-off after failures).</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>The last one-line failure, for reports.</summary>
    public string? LastError { get; init; }

    /// <summary>The article URLs listed at the last successful fetch.</summary>
    public IReadOnlyList<DiscoveredUrl> Items { get; init; } = [];

    /// <summary>For a sitemap index: the child sitemaps listed at the last successful fetch.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];
}
