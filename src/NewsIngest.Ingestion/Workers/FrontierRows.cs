using System.Text.Json;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Workers;

/// <summary>How a <see cref="FrontierItem"/>'s page is kept in <c>frontier_items.page</c> (JSON), both ways.</summary>
internal static class FrontierRows
{
    public static string PageJson(DiscoveredUrl page) =>
        JsonSerializer.Serialize(new Row(page.Url.OriginalString, page.PublishedAt, page.Hints?.ToDictionary(StringComparer.Ordinal)));

    public static FrontierItem Item(string key, string host, string source, string json)
    {
        var row = JsonSerializer.Deserialize<Row>(json) ?? throw new InvalidDataException($"frontier item {key} has no page");
        return new FrontierItem(source, new DiscoveredUrl(new Uri(row.Url), row.PublishedAt, row.Hints), key, host);
    }

    private sealed record Row(string Url, DateTimeOffset? PublishedAt, Dictionary<string, string>? Hints);
}
