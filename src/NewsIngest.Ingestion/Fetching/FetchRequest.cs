namespace NewsIngest.Ingestion.Fetching;

/// <summary>One resource to fetch, with the validators of the last fetch for a conditional GET.</summary>
/// <param name="Url">Absolute http(s) or file URL.</param>
/// <param name="ETag">The last response's ETag, sent as If-None-Match.</param>
/// <param name="LastModified">The last response's Last-Modified, sent as If-Modified-Since.</param>
/// <param name="Kind">What is fetched: an article page, a feed, a sitemap (caps and logs differ).</param>
/// <param name="MaxBytes">The body cap of this resource; null is <c>Http:MaxBodyBytes</c>. Feeds and sitemaps are
/// fetched up to <c>Discovery:MaxDecompressedBytes</c>, the size their parsers accept.</param>
public sealed record FetchRequest(
    Uri Url,
    string? ETag = null,
    DateTimeOffset? LastModified = null,
    ResourceKind Kind = ResourceKind.Page,
    int? MaxBytes = null);
