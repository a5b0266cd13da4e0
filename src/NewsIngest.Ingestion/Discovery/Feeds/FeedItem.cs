namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>One entry of a feed, as the feed gave it (the link is not yet resolved or canonicalized).</summary>
public sealed record FeedItem
{
    public string? Link { get; init; }

    public string? Guid { get; init; }

    public string? Title { get; init; }

    /// <summary>The summary or description, tags stripped.</summary>
    public string? Summary { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string? Language { get; init; }
}
