namespace NewsIngest.Ingestion.Discovery;

/// <summary>The keys of <see cref="DiscoveredUrl.Hints"/>, as stored on records.</summary>
public static class HintKeys
{
    public const string Title = "title";
    public const string Guid = "guid";
    public const string Summary = "summary";

    /// <summary>The feed URL that listed the article.</summary>
    public const string Feed = "feed";

    /// <summary>The sitemap URL that listed the article.</summary>
    public const string Sitemap = "sitemap";

    /// <summary>The listing's publication date, ISO 8601 round-trip format.</summary>
    public const string PublishedAt = "publishedAt";

    /// <summary>The sitemap's <c>lastmod</c>, ISO 8601 round-trip format.</summary>
    public const string LastModified = "lastModified";

    public const string Language = "language";

    /// <summary>The Google News sitemap's <c>news:name</c>.</summary>
    public const string Publication = "publication";
}
