using System.Text;
using System.Xml;

namespace NewsIngest.Ingestion.Discovery.Sitemaps;

/// <summary>
/// Streams a sitemap (urlset or sitemap index, plain or gzipped, or a plain-text list of URLs) with a bounded
/// XmlReader. Reads <c>lastmod</c> and the Google News fields; image and video extensions are skipped. Never throws
/// on bad input.
/// </summary>
public static class SitemapParser
{
    /// <summary>Parses <paramref name="body"/>, reading at most <paramref name="maxUrls"/> locations and
    /// <paramref name="maxBytes"/> decompressed bytes.</summary>
    public static SitemapDocument Parse(byte[] body, int maxUrls = 50_000, long maxBytes = 64 * 1024 * 1024)
    {
        try
        {
            return LooksLikeXml(body, maxBytes) ? ParseXml(body, maxUrls, maxBytes) : ParseText(body, maxUrls, maxBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or XmlException)
        {
            return SitemapDocument.Failed(ex.Message.ReplaceLineEndings(" "));
        }
    }

    private static SitemapDocument ParseXml(byte[] body, int maxUrls, long maxBytes)
    {
        var entries = new List<SitemapEntry>();
        var children = new List<string>();
        var skipped = 0;
        var isIndex = false;
        try
        {
            using var reader = XmlReader.Create(SafeXml.Open(body, maxBytes), SafeXml.Settings(maxBytes));
            reader.MoveToContent();
            isIndex = reader.LocalName == "sitemapindex";
            if (!isIndex && reader.LocalName != "urlset")
            {
                return SitemapDocument.Failed($"not a sitemap: root element <{reader.LocalName}>");
            }

            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1 || reader.LocalName is not ("url" or "sitemap"))
                {
                    continue;
                }

                if (entries.Count + children.Count >= maxUrls)
                {
                    return new SitemapDocument(isIndex, entries, children, skipped, Capped: true, null);
                }

                var entry = ReadEntry(reader);
                if (entry is null)
                {
                    skipped++;
                }
                else if (isIndex)
                {
                    children.Add(entry.Location);
                }
                else
                {
                    entries.Add(entry);
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            return new SitemapDocument(isIndex, entries, children, skipped, false, ex.Message.ReplaceLineEndings(" "));
        }

        return new SitemapDocument(isIndex, entries, children, skipped, false, null);
    }

    private static SitemapEntry? ReadEntry(XmlReader reader)
    {
        string? loc = null, lastmod = null, published = null, title = null, language = null, name = null;
        using (var entry = reader.ReadSubtree())
        {
            entry.Read();
            while (entry.Read())
            {
                if (entry.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                // loc and lastmod count only as direct children: image:loc and video:* sit deeper.
                var news = entry.NamespaceURI.Contains("sitemap-news", StringComparison.Ordinal);
                switch (entry.LocalName)
                {
                    case "loc" when entry.Depth == 1:
                        loc = Text(entry);
                        break;
                    case "lastmod" when entry.Depth == 1:
                        lastmod = Text(entry);
                        break;
                    case "publication_date" when news:
                        published = Text(entry);
                        break;
                    case "title" when news:
                        title = Text(entry);
                        break;
                    case "language" when news:
                        language = Text(entry);
                        break;
                    case "name" when news:
                        name = Text(entry);
                        break;
                    default:
                        break;
                }
            }
        }

        return string.IsNullOrWhiteSpace(loc)
            ? null
            : new SitemapEntry
            {
                Location = loc,
                LastModified = LenientDates(lastmod),
                PublishedAt = LenientDates(published),
                Title = string.IsNullOrWhiteSpace(title) ? null : title,
                Language = string.IsNullOrWhiteSpace(language) ? null : language,
                Publication = string.IsNullOrWhiteSpace(name) ? null : name,
            };
    }

    private static DateTimeOffset? LenientDates(string? text) => Feeds.LenientDateParser.Parse(text);

    // Reads the element's text and leaves the reader on its end tag, so the caller's Read() does not skip a node.
    private static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var builder = new StringBuilder();
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                builder.Append(reader.Value);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool LooksLikeXml(byte[] body, long maxBytes)
    {
        using var stream = SafeXml.Open(body, maxBytes);
        Span<byte> head = stackalloc byte[64];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        foreach (var b in head[..n])
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return b == (byte)'<';
            }
        }

        return true;
    }

    // The sitemap protocol also allows a UTF-8 text file with one URL per line.
    private static SitemapDocument ParseText(byte[] body, int maxUrls, long maxBytes)
    {
        var entries = new List<SitemapEntry>();
        var skipped = 0;
        using var reader = new StreamReader(SafeXml.Open(body, maxBytes), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (entries.Count >= maxUrls)
            {
                return new SitemapDocument(false, entries, [], skipped, Capped: true, null);
            }

            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(new SitemapEntry { Location = text });
            }
            else
            {
                skipped++;
            }
        }

        return new SitemapDocument(false, entries, [], skipped, false, null);
    }
}
