using System.Text.Json;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>Reads JSON Feed 1.0/1.1 (<c>https://jsonfeed.org/version/1.1</c>) leniently.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static FeedDocument Read(byte[] body, FeedLimits limits)
    {
        using var stream = SafeXml.Open(body, limits.MaxBytes);
        using var json = JsonDocument.Parse(stream, Options);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return FeedDocument.Failed("not a JSON Feed: no \"items\" array", "json");
        }

        var feedLanguage = Text(root, "language");
        var result = new List<FeedItem>();
        int skipped = 0, badDates = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (result.Count >= limits.MaxItems)
            {
                break;
            }

            // A link must be a string: a number ("url": 12345) is a malformed item, not the path /12345.
            var link = item.ValueKind == JsonValueKind.Object ? Link(item, "url") ?? Link(item, "external_url") : null;
            if (link is null)
            {
                skipped++;
                continue;
            }

            var dateText = Text(item, "date_published") ?? Text(item, "date_modified");
            var date = LenientDateParser.Parse(dateText);
            badDates += dateText is not null && date is null ? 1 : 0;
            result.Add(new FeedItem
            {
                Link = link,
                Guid = Text(item, "id"),
                Title = FeedText.Clean(Text(item, "title"), limits.MaxSummaryLength),
                Summary = FeedText.Clean(
                    Text(item, "summary") ?? Text(item, "content_text") ?? Text(item, "content_html"),
                    limits.MaxSummaryLength),
                PublishedAt = date,
                Language = Text(item, "language") ?? feedLanguage,
            });
        }

        return new FeedDocument(result, skipped, badDates, null, "json");
    }

    private static string? Link(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } link ? link : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
