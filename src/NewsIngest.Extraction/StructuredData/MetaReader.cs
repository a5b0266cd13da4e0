using AngleSharp.Dom;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.StructuredData;

/// <summary>Reads one <c>&lt;meta&gt;</c> tag into <see cref="PageFacts"/>, whatever attribute names the key.</summary>
internal static class MetaReader
{
    public static void Read(IElement meta, PageFacts facts, Uri? pageUrl)
    {
        var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop"))?.Trim().ToLowerInvariant();
        var value = meta.GetAttribute("content");
        if (key is null || string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        value = TextMetrics.CollapseWhitespace(value);
        switch (key)
        {
            case "og:title" or "twitter:title":
                facts.OgTitle ??= value;
                break;
            case "og:description" or "description" or "twitter:description" or "dc.description":
                facts.Description ??= value;
                break;
            case "og:site_name" or "application-name" or "publisher":
                facts.SiteName ??= value;
                break;
            case "og:url":
                facts.CanonicalUrl ??= PageFactsStage.Resolve(value, pageUrl);
                break;
            case "og:locale" or "language" or "content-language" or "dc.language":
                facts.Language ??= value;
                break;
            case "article:section" or "section" or "article.section" or "parsely-section":
                facts.Section ??= value;
                break;
            case "article:published_time" or "datepublished" or "pubdate" or "publishdate" or "date" or "dc.date"
                or "dc.date.issued" or "sailthru.date" or "parsely-pub-date" or "article.published":
                facts.PublishedAt ??= JsonLdReader.Date(value);
                break;
            case "article:modified_time" or "og:updated_time" or "datemodified" or "last-modified" or "article.updated":
                facts.ModifiedAt ??= JsonLdReader.Date(value);
                break;
            case "article:author" or "author" or "dc.creator" or "parsely-author" or "sailthru.author":
                if (facts.Authors.Count == 0 && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    facts.Authors.Add(value);
                }

                break;
            case "article:content_tier" or "content_tier" or "article:content-tier":
                facts.ContentTier ??= value.ToLowerInvariant();
                facts.Signals.Add("meta:content_tier=" + facts.ContentTier);
                break;
            case "isaccessibleforfree" when bool.TryParse(value, out var free):
                if (facts.IsAccessibleForFree is null)
                {
                    facts.IsAccessibleForFree = free;
                    facts.Signals.Add($"microdata:isAccessibleForFree={(free ? "true" : "false")}");
                }

                break;
        }
    }
}
