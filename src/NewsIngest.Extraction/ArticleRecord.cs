namespace NewsIngest.Extraction;

/// <summary>
/// What an anonymous reader can read of one article page, as a clean, versioned record.
/// Property names are a contract: they serialize to camelCase JSON (see <c>docs/record.schema.json</c>).
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>The version of this record's shape; bumped when a field changes meaning.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Stable id: a hash of the canonical URL, else of the URL, else of the preview content.</summary>
    public required string Id { get; init; }

    public string? Url { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public string? Headline { get; init; }
    public string? Dek { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public required Preview Preview { get; init; }
    public required PaywallInfo Paywall { get; init; }
    public required RemovedCounts Removed { get; init; }

    /// <summary>Hash of the normalized preview text: equal previews give equal hashes.</summary>
    public required string ContentHash { get; init; }

    /// <summary>
    /// 64-bit SimHash of the preview's word 5-grams as 16 hex digits: near-identical previews differ in few bits.
    /// </summary>
    public string Fingerprint { get; init; } = "0000000000000000";

    public required ExtractorInfo Extractor { get; init; }

    /// <summary>The site template that cleaned the preview, or null when none was warm (or none was given).</summary>
    public SiteTemplateInfo? SiteTemplate { get; init; }
}
