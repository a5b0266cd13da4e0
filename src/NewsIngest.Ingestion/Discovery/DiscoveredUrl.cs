namespace NewsIngest.Ingestion.Discovery;

/// <summary>An article URL found by discovery, with what the feed or sitemap said about it.</summary>
/// <param name="Url">The canonicalized article URL.</param>
/// <param name="PublishedAt">The feed's or sitemap's date for the item, if any.</param>
/// <param name="Hints">Feed/sitemap hints kept on the record: title, guid, summary, language, origin.</param>
public sealed record DiscoveredUrl(
    Uri Url,
    DateTimeOffset? PublishedAt = null,
    IReadOnlyDictionary<string, string>? Hints = null);
