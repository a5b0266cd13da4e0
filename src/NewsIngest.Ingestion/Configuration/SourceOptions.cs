namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// One source of articles, from <c>NewsIngest:Sources[i]</c>. A source lists article URLs directly, or feeds,
/// sitemaps, or just a site's home page to discover them from.
/// </summary>
public sealed class SourceOptions
{
    /// <summary>A short unique name; stored on every record as <c>source</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Article URLs (http, https, or file: pages and directories of pages).</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>RSS, Atom or JSON Feed URLs.</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>Sitemap or sitemap index URLs (plain or .xml.gz, Google News fields read).</summary>
    public List<string> Sitemaps { get; set; } = [];

    /// <summary>A home page to autodiscover feeds and sitemaps from.</summary>
    public string? Site { get; set; }

    /// <summary>A cron expression (5 or 6 fields) or an interval (<c>00:15:00</c>); null uses the default schedule.</summary>
    public string? Schedule { get; set; }

    /// <summary>Skip discovered items older than this (by feed or sitemap date); null keeps all.</summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>Fetch at most this many articles per pass, newest first; null means no limit.</summary>
    public int? MaxItemsPerPass { get; set; }

    /// <summary>URL patterns (regular expressions) an article URL must match, when any are given.</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>URL patterns (regular expressions) that exclude an article URL.</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>
    /// Texts the site template never removes from this source's previews, e.g. a standing disclaimer the publisher
    /// wants kept: a block whose folded text (lower case, digits 0, punctuation and spaces folded) opens with one stays.
    /// </summary>
    public List<string> KeepTemplateTexts { get; set; } = [];
}
