using System.Text.Json.Serialization;
using NewsIngest.Extraction;
using NewsIngest.Ingestion.NearDuplicates;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// A record as written to disk: the extraction record's fields plus where and when it was fetched and its version.
/// Serialized flat: the extraction fields first, then <c>source</c>, <c>fetchedAt</c>, <c>httpStatus</c>, <c>version</c>.
/// </summary>
public sealed record StoredRecord
{
    [JsonIgnore]
    public required ArticleRecord Article { get; init; }

    /// <summary>The configured source name.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>1 for the first record of a URL, +1 each time its preview changes.</summary>
    public required int Version { get; init; }

    /// <summary>Hints from the feed or sitemap that listed the URL (title, published date, summary, guid).</summary>
    public IReadOnlyDictionary<string, string>? Hints { get; init; }

    /// <summary>The earlier record this one is a copy, near-copy, preview or syndication of; null when none.</summary>
    public NearDuplicateInfo? NearDuplicate { get; init; }
}
