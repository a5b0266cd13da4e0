namespace NewsIngest.Extraction.Tests.Schema;

/// <summary>Records built by hand, independent of the pipeline, to pin the schema to the record type itself.</summary>
internal static class SchemaRecords
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    /// <summary>A record with every optional field filled and every block type used.</summary>
    public static ArticleRecord Full() => new()
    {
        Id = Hash,
        Url = "https://news.example/a/1?utm=x",
        CanonicalUrl = "https://news.example/a/1",
        SiteName = "News Example",
        Language = "en-GB",
        Headline = "A headline",
        Dek = "A standfirst",
        Section = "Markets",
        Authors = ["A. Writer", "B. Writer"],
        PublishedAt = new DateTimeOffset(2025, 3, 11, 6, 30, 12, TimeSpan.FromHours(1)),
        ModifiedAt = new DateTimeOffset(2025, 3, 11, 9, 2, 40, TimeSpan.FromHours(1)),
        Preview = new Preview
        {
            Blocks =
            [
                new PreviewBlock(BlockType.Paragraph, "First paragraph."),
                new PreviewBlock(BlockType.ListItem, "A bullet."),
                new PreviewBlock(BlockType.Heading, "A subheading"),
                new PreviewBlock(BlockType.Quote, "A quote."),
            ],
            Text = "First paragraph.\n\nA bullet.\n\nA subheading\n\nA quote.",
            WordCount = 8,
        },
        Paywall = new PaywallInfo
        {
            Status = PaywallStatus.Paywalled,
            Kind = "hard",
            Marker = "To read the full story",
            DeclaredWordCount = 604,
            AccessibleForFree = false,
            ContentTier = "locked",
            HiddenWords = 412,
            Signals = ["ld:isAccessibleForFree=false", "text:en:to-read-the-full-story"],
        },
        Removed = new RemovedCounts { Boilerplate = 12, Duplicates = 4, Hidden = 5, Wall = 7, Template = 3 },
        ContentHash = Hash,
        Extractor = new ExtractorInfo("newsingest", "0.1.0"),
        SiteTemplate = new SiteTemplateInfo("news.example", "0123456789abcdef"),
    };

    /// <summary>A record with only what the type requires; everything nullable is null.</summary>
    public static ArticleRecord Minimal() => new()
    {
        Id = Hash,
        Preview = new Preview(),
        Paywall = new PaywallInfo(),
        Removed = new RemovedCounts(),
        ContentHash = Hash,
        Extractor = ExtractorInfo.Current,
    };
}
