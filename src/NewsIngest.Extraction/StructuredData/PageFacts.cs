namespace NewsIngest.Extraction.StructuredData;

/// <summary>
/// What the page says about itself in JSON-LD, meta tags, microdata and AMP attributes. First value wins:
/// JSON-LD article objects are read before meta tags, so they take precedence.
/// </summary>
internal sealed class PageFacts
{
    public string? Headline { get; set; }
    public string? OgTitle { get; set; }
    public string? HtmlTitle { get; set; }
    public string? Description { get; set; }
    public string? Section { get; set; }
    public string? SiteName { get; set; }
    public string? Language { get; set; }
    public string? CanonicalUrl { get; set; }
    public List<string> Authors { get; } = [];
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary><c>isAccessibleForFree</c> of the article object (strings "False"/"false" read as false).</summary>
    public bool? IsAccessibleForFree { get; set; }

    /// <summary>CSS selectors of <c>hasPart</c> parts marked not accessible for free.</summary>
    public List<string> GatedSelectors { get; } = [];

    public int? WordCount { get; set; }

    /// <summary>JSON-LD <c>articleBody</c>: evidence of length and for dedup, never emitted.</summary>
    public string? ArticleBody { get; set; }

    /// <summary><c>article:content_tier</c>: free, metered or locked.</summary>
    public string? ContentTier { get; set; }

    /// <summary>Structured-data types seen, e.g. NewsArticle.</summary>
    public HashSet<string> Types { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Evidence names gathered while reading (e.g. <c>ld:isAccessibleForFree=false</c>).</summary>
    public List<string> Signals { get; } = [];
}
