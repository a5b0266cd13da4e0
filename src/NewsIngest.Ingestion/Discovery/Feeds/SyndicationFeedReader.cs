using System.ServiceModel.Syndication;
using System.Xml;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication, with <see cref="LenientDateParser"/> plugged in so
/// real-world dates never throw. Returns null when Syndication rejects the feed; the caller then tries the lenient
/// reader.
/// </summary>
internal static class SyndicationFeedReader
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static FeedDocument? TryRead(byte[] body, FeedLimits limits, bool atom)
    {
        var badDates = 0;
        SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            if (!LenientDateParser.TryParse(data.DateTimeString, out value))
            {
                // MinValue marks "unreadable"; returning false would make Syndication throw for the whole feed.
                value = DateTimeOffset.MinValue;
                badDates++;
            }

            return true;
        };

        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(SafeXml.Open(body, limits.MaxBytes), SafeXml.Settings(limits.MaxBytes));
            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Syndication throws a zoo of types on hostile input (XmlException, NotSupportedException for a missing
            // version, FormatException, ArgumentException...); any of them means "let the lenient reader try".
            return null;
        }

        var items = new List<FeedItem>();
        var skipped = 0;
        foreach (var item in feed.Items)
        {
            if (items.Count >= limits.MaxItems)
            {
                break;
            }

            var link = LinkOf(item);
            if (link is null)
            {
                skipped++;
                continue;
            }

            items.Add(new FeedItem
            {
                Link = link,
                Guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
                Title = FeedText.Clean(item.Title?.Text, limits.MaxSummaryLength),
                Summary = FeedText.Clean(SummaryOf(item), limits.MaxSummaryLength),
                PublishedAt = DateOf(item),
                Language = DublinCoreText(item, "language") ?? feed.Language,
            });
        }

        return new FeedDocument(items, skipped, badDates, null, atom ? "atom" : "rss2");
    }

    private static string? LinkOf(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
        if (link?.Uri is { } uri)
        {
            // Relative links stay relative here: the reader resolves them against the feed's own URL.
            return (link.GetAbsoluteUri() ?? uri).OriginalString;
        }

        // A guid that is a URL is the permalink in many feeds without <link>.
        return Uri.TryCreate(item.Id, UriKind.Absolute, out var id) && id.Scheme is "http" or "https" ? item.Id : null;
    }

    private static string? SummaryOf(SyndicationItem item) =>
        item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text;

    private static DateTimeOffset? DateOf(SyndicationItem item)
    {
        if (item.PublishDate > DateTimeOffset.MinValue)
        {
            return item.PublishDate;
        }

        return LenientDateParser.Parse(DublinCoreText(item, "date"))
            ?? (item.LastUpdatedTime > DateTimeOffset.MinValue ? item.LastUpdatedTime : null);
    }

    private static string? DublinCoreText(SyndicationItem item, string name)
    {
        try
        {
            return item.ElementExtensions.ReadElementExtensions<string>(name, DublinCore).FirstOrDefault();
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or System.Runtime.Serialization.SerializationException)
        {
            return null;
        }
    }
}
