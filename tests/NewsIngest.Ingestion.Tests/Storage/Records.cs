using NewsIngest.Extraction;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

/// <summary>Small hand-made records for storage and pass tests.</summary>
internal static class Records
{
    public static ArticleRecord Article(string id, string text, string? url = null) => new()
    {
        Id = id,
        Url = url,
        CanonicalUrl = url,
        Headline = "Headline " + id,
        Preview = new Preview { Text = text, WordCount = text.Split(' ').Length },
        Paywall = new PaywallInfo(),
        Removed = new RemovedCounts(),
        ContentHash = "h-" + text.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        Extractor = ExtractorInfo.Current,
    };

    public static StoredRecord Stored(string id, string text = "some preview text", int version = 1) => new()
    {
        Article = Article(id, text),
        Source = "test",
        FetchedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
        HttpStatus = 200,
        Version = version,
    };
}
