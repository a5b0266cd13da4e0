using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// Caps and intervals for feed, sitemap and site discovery (<c>NewsIngest:Discovery</c>). Validated at start.
/// </summary>
public sealed class DiscoveryOptions : IValidatableObject
{
    /// <summary>The configuration section bound by <see cref="DiscoveryServiceCollectionExtensions.AddNewsIngestDiscovery"/>.</summary>
    public const string SectionName = "NewsIngest:Discovery";

    /// <summary>How long autodiscovered feeds and sitemaps of a <c>Site</c> are trusted before the home page,
    /// robots.txt and probes are examined again. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SiteRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Items read from one feed at most. Default 1000.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerFeed { get; set; } = 1000;

    /// <summary>Locations read from one sitemap at most (the protocol's own limit is 50 000). Default 50 000.</summary>
    [Range(1, 1_000_000)]
    public int MaxUrlsPerSitemap { get; set; } = 50_000;

    /// <summary>How deep sitemap indexes may nest (an index of indexes is depth 2). Default 3.</summary>
    [Range(1, 10)]
    public int MaxSitemapDepth { get; set; } = 3;

    /// <summary>Sitemap documents fetched per source and pass at most, indexes included. Default 50.</summary>
    [Range(1, 10_000)]
    public int MaxSitemapsPerSource { get; set; } = 50;

    /// <summary>Decompressed bytes read from one feed or sitemap at most (gzip bomb guard). Default 64 MiB.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxDecompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The body cap feeds and sitemaps are fetched with (not <c>Http:MaxBodyBytes</c>, which is for
    /// pages): <see cref="MaxDecompressedBytes"/>, so the fetch never cuts what the parsers would read.</summary>
    internal int MaxFetchBytes => (int)Math.Min(MaxDecompressedBytes, int.MaxValue);

    /// <summary>Feed summaries kept as hints are cut to this many characters. Default 500.</summary>
    [Range(0, 100_000)]
    public int MaxSummaryLength { get; set; } = 500;

    /// <summary>The first wait after a feed or sitemap fails; doubled per further failure. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait between attempts at a failing feed or sitemap. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Probe common feed paths (<c>/feed</c>, <c>/rss</c>, …) and <c>/sitemap.xml</c> when a site
    /// advertises none. Default true.</summary>
    public bool ProbeCommonPaths { get; set; } = true;

    /// <summary>Time allowed for one include/exclude pattern match. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan PatternTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The state database file that holds the discovery cache tables; null keeps the cache in memory.</summary>
    public string? CacheDatabasePath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BackoffMax < BackoffBase)
        {
            yield return new ValidationResult(
                $"BackoffMax ({BackoffMax}) must not be shorter than BackoffBase ({BackoffBase}).",
                [nameof(BackoffMax), nameof(BackoffBase)]);
        }
    }
}
