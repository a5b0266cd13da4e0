namespace NewsIngest.Ingestion.Discovery.Sitemaps;

/// <summary>
/// A parsed sitemap: article entries for a urlset, child sitemap locations for an index, a count of skipped
/// entries (no <c>loc</c>), whether the URL cap cut it short, and a one-line error when it could not be read to the
/// end (what was read before is kept).
/// </summary>
public sealed record SitemapDocument(
    bool IsIndex,
    IReadOnlyList<SitemapEntry> Entries,
    IReadOnlyList<string> Sitemaps,
    int SkippedEntries,
    bool Capped,
    string? Error)
{
    public static SitemapDocument Failed(string error) => new(false, [], [], 0, false, error);
}
