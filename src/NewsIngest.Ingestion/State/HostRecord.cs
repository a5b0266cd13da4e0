namespace NewsIngest.Ingestion.State;

/// <summary>
/// What the state remembers of one host (URL authority) between runs, so a process started right after another still
/// paces and cools down that host: when its last request ended, its Crawl-delay, its cooldown and its failure streak.
/// </summary>
public sealed record HostRecord
{
    /// <summary>The host's authority (host and non-default port), as politeness keys hosts.</summary>
    public required string Host { get; init; }

    /// <summary>When the last request to the host ended: the next one starts no sooner than the spacing after it.</summary>
    public DateTimeOffset? LastRequestAt { get; init; }

    /// <summary>The host's robots.txt Crawl-delay (clamped), when it gives one.</summary>
    public TimeSpan? CrawlDelay { get; init; }

    /// <summary>The end of the host's cooldown after a 429/503 (or its Retry-After), when one was set.</summary>
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>429/503 answers without Retry-After in a row: each doubles the next cooldown.</summary>
    public int FailureStreak { get; init; }

    /// <summary>When the record was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
