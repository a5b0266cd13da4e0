using System.Xml;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// A forgiving streaming reader for RSS 0.9x, RSS 1.0 (RDF), and RSS 2.0/Atom that Syndication rejects: any element
/// named <c>item</c> or <c>entry</c> is an item, whatever its namespace. Stops at the first XML error and keeps the
/// items read before it.
/// </summary>
internal static class LenientXmlFeedReader
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static FeedDocument Read(byte[] body, FeedLimits limits)
    {
        var items = new List<FeedItem>();
        int skipped = 0, badDates = 0;
        string? feedLanguage = null;
        string format = "xml";
        try
        {
            using var reader = XmlReader.Create(SafeXml.Open(body, limits.MaxBytes), SafeXml.Settings(limits.MaxBytes));
            reader.MoveToContent();
            format = reader.LocalName switch
            {
                "RDF" => "rss1",
                "rss" => "rss" + reader.GetAttribute("version"),
                "feed" => "atom",
                _ => reader.LocalName,
            };
            if (format is not ("rss1" or "atom") && !format.StartsWith("rss", StringComparison.Ordinal))
            {
                return FeedDocument.Failed($"not a feed: root element <{reader.LocalName}>", format);
            }

            feedLanguage = reader.GetAttribute("xml:lang");
            while (items.Count < limits.MaxItems && reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName is "language" && reader.Depth <= 2)
                {
                    feedLanguage = TextContent(reader).Trim(); // leaves the reader on the end tag, like ReadSubtree
                }
                else if (reader.LocalName is "item" or "entry")
                {
                    var (item, badDate) = ReadItem(reader, limits);
                    badDates += badDate ? 1 : 0;
                    if (item.Link is null)
                    {
                        skipped++;
                    }
                    else
                    {
                        items.Add(item with { Language = item.Language ?? NullIfEmpty(feedLanguage) });
                    }
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            return new FeedDocument(items, skipped, badDates, FeedParser.OneLine(ex), format);
        }

        return new FeedDocument(items, skipped, badDates, null, format);
    }

    private static (FeedItem Item, bool BadDate) ReadItem(XmlReader reader, FeedLimits limits)
    {
        var about = reader.GetAttribute("about", Rdf);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? atomLink = null;
        using (var item = reader.ReadSubtree())
        {
            item.Read();
            while (item.Read())
            {
                if (item.NodeType != XmlNodeType.Element || item.Depth != 1)
                {
                    continue;
                }

                var name = item.LocalName;
                if (name == "link" && item.GetAttribute("href") is { } href)
                {
                    var rel = item.GetAttribute("rel");
                    if (rel is null or "alternate")
                    {
                        atomLink ??= href;
                    }

                    continue;
                }

                var text = TextContent(item).Trim();
                if (text.Length > 0)
                {
                    fields.TryAdd(name, text);
                }
            }
        }

        var guid = Field(fields, "guid") ?? Field(fields, "id") ?? about;
        var link = atomLink ?? Field(fields, "link") ?? (IsHttpUrl(guid) ? guid : null) ?? (IsHttpUrl(about) ? about : null);
        var dateText = Field(fields, "pubDate") ?? Field(fields, "published") ?? Field(fields, "date")
            ?? Field(fields, "issued") ?? Field(fields, "updated") ?? Field(fields, "modified");
        var date = LenientDateParser.Parse(dateText);
        var result = new FeedItem
        {
            Link = link,
            Guid = guid,
            Title = FeedText.Clean(Field(fields, "title"), limits.MaxSummaryLength),
            Summary = FeedText.Clean(
                Field(fields, "description") ?? Field(fields, "summary") ?? Field(fields, "encoded") ?? Field(fields, "content"),
                limits.MaxSummaryLength),
            PublishedAt = date,
            Language = Field(fields, "language"),
        };
        return (result, dateText is not null && date is null);
    }

    // Text and CDATA under the element, child tags dropped (Atom's type="xhtml" titles and summaries).
    private static string TextContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var builder = new System.Text.StringBuilder();
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                builder.Append(reader.Value);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool IsHttpUrl(string? s) =>
        s is not null && Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";
}
