namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// What a feed parse produced: the usable items, how many items were skipped as malformed (no usable link), how
/// many kept items had a date nobody could read (kept undated), and a one-line error when the feed itself could not
/// be read to the end (items read before the error are kept).
/// </summary>
public sealed record FeedDocument(
    IReadOnlyList<FeedItem> Items,
    int SkippedItems,
    int UnreadableDates,
    string? Error,
    string Format)
{
    public static FeedDocument Failed(string error, string format = "unknown") => new([], 0, 0, error, format);
}
