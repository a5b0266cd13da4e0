namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>Caps applied while parsing one feed.</summary>
/// <param name="MaxItems">Items beyond this are not read.</param>
/// <param name="MaxBytes">Decompressed bytes (and XML characters) read at most.</param>
/// <param name="MaxSummaryLength">Summary hints are cut to this many characters.</param>
public sealed record FeedLimits(int MaxItems = 1000, long MaxBytes = 16 * 1024 * 1024, int MaxSummaryLength = 500)
{
    public static FeedLimits Default { get; } = new();
}
