using System.Text.Json;
using System.Xml;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// Reads any feed a news site serves: RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication (with lenient
/// dates), RSS 0.9x, RSS 1.0 (RDF) and whatever Syndication rejects through a lenient XmlReader, JSON Feed through
/// System.Text.Json. Gzipped bodies are inflated. Never throws on bad input: problems come back in the document.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses <paramref name="body"/> as a feed.</summary>
    public static FeedDocument Parse(byte[] body, FeedLimits? limits = null)
    {
        limits ??= FeedLimits.Default;
        try
        {
            return IsJson(body, limits)
                ? JsonFeedReader.Read(body, limits)
                : ParseXml(body, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or JsonException or XmlException)
        {
            return FeedDocument.Failed(OneLine(ex));
        }
    }

    internal static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ");

    private static FeedDocument ParseXml(byte[] body, FeedLimits limits)
    {
        var (root, ns, version) = SniffRoot(body, limits);
        var syndicationFits = (root == "rss" && version is not null && version.StartsWith('2'))
            || (root == "feed" && ns == "http://www.w3.org/2005/Atom");
        if (syndicationFits && SyndicationFeedReader.TryRead(body, limits, root == "feed") is { } document)
        {
            return document;
        }

        return LenientXmlFeedReader.Read(body, limits);
    }

    private static (string Root, string Namespace, string? Version) SniffRoot(byte[] body, FeedLimits limits)
    {
        using var reader = XmlReader.Create(SafeXml.Open(body, limits.MaxBytes), SafeXml.Settings(limits.MaxBytes));
        reader.MoveToContent();
        return (reader.LocalName, reader.NamespaceURI, reader.GetAttribute("version"));
    }

    private static bool IsJson(byte[] body, FeedLimits limits)
    {
        using var stream = SafeXml.Open(body, limits.MaxBytes);
        Span<byte> head = stackalloc byte[64];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        foreach (var b in head[..n])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue; // whitespace and the UTF-8 BOM
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }
}
