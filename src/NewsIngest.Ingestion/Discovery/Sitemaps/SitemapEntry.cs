namespace NewsIngest.Ingestion.Discovery.Sitemaps;

/// <summary>One <c>&lt;url&gt;</c> of a urlset, with its Google News fields when present.</summary>
public sealed record SitemapEntry
{
    public required string Location { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary><c>news:publication_date</c>.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary><c>news:title</c>.</summary>
    public string? Title { get; init; }

    /// <summary><c>news:language</c> of the publication.</summary>
    public string? Language { get; init; }

    /// <summary><c>news:name</c> of the publication.</summary>
    public string? Publication { get; init; }
}
