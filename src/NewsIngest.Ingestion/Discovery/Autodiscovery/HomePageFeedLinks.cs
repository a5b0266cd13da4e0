using AngleSharp.Html.Parser;

namespace NewsIngest.Ingestion.Discovery.Autodiscovery;

/// <summary>Finds the feeds a home page advertises with <c>&lt;link rel="alternate" type="…"&gt;</c>.</summary>
public static class HomePageFeedLinks
{
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
    };

    /// <summary>Absolute feed URLs advertised by <paramref name="html"/>, in page order, comment feeds left out.</summary>
    public static IReadOnlyList<Uri> Find(string html, Uri pageUrl)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUrl = baseHref is not null && Uri.TryCreate(pageUrl, baseHref, out var b) ? b : pageUrl;
        var feeds = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[href][type]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = (link.GetAttribute("type") ?? "").Split(';')[0].Trim();
            var href = link.GetAttribute("href");
            var title = link.GetAttribute("title") ?? "";
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedTypes.Contains(type)
                // Comment feeds list comments (URLs with #fragments), not articles.
                || title.Contains("comment", StringComparison.OrdinalIgnoreCase)
                || (href ?? "").Contains("/comments/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (UrlCanonicalizer.TryCanonicalize(href, baseUrl) is { } url && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }
}
