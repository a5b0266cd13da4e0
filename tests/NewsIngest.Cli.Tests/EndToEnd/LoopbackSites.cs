namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// The discovery documents of a news site on a <see cref="NewsServer"/>: RSS, Atom and JSON feeds, a gzipped sitemap
/// index over a Google News sitemap, a home page with <c>rel=alternate</c> and a robots.txt with <c>Sitemap:</c>.
/// Together they list articles /a/1 … /a/6 several times each, with utm_* variants, malformed items and an
/// entity-expansion feed.
/// </summary>
internal static class LoopbackSites
{
    /// <summary>The articles /a/1 … /a/6 the site lists (/a/<paramref name="paywalled"/> behind a wall) and its
    /// discovery documents (<see cref="ServeNewsSite"/>).</summary>
    public static void ServeNewsSiteWithArticles(NewsServer server, int? paywalled = null)
    {
        foreach (var i in Enumerable.Range(1, 6))
        {
            server.Serve($"/a/{i}", "text/html; charset=utf-8", ArticlePage.Html(
                server.Url($"/a/{i}"), $"Harbour report {i}", $"Shipping volumes at berth {i} rose for a third month.", paywalled: i == paywalled));
        }

        ServeNewsSite(server);
    }

    public static void ServeNewsSite(NewsServer server)
    {
        var b = server.BaseUri.AbsoluteUri.TrimEnd('/');
        server.Serve("/robots.txt", "text/plain", $"User-agent: *\nAllow: /\n\nSitemap: {b}/site-sitemap.xml\n");
        server.Serve("/rss.xml", "application/rss+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Loopback Times</title><link>{b}/</link>
              <item><title>Harbour report 1</title><link>{b}/a/1?utm_source=rss&amp;utm_medium=feed</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
              <item><title>Harbour report 2</title><link>{b}/a/2</link><pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate></item>
              <item><title>No link at all</title><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>
              <item><title>Script link</title><link>javascript:alert(1)</link></item>
              <item><title>Broken date</title><link>{b}/a/3?utm_campaign=x</link><pubDate>sometime last week</pubDate></item>
            </channel></rss>
            """);
        server.Serve("/atom.xml", "application/atom+xml", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Atom</title><id>urn:loopback</id><updated>2026-11-20T00:00:00Z</updated>
              <entry><title>Harbour report 2</title><id>urn:a2</id><link href="{b}/a/2?utm_campaign=atom#top"/><updated>2026-11-20T09:00:00Z</updated></entry>
              <entry><title>Harbour report 3</title><id>urn:a3</id><link href="{b}/a/3"/><updated>2026-11-19T09:00:00Z</updated></entry>
              <entry><title>No link entry</title><id>urn:none</id><updated>2026-11-19T09:00:00Z</updated></entry>
            </feed>
            """);
        server.Serve("/feed.json", "application/feed+json", $$"""
            {"version":"https://jsonfeed.org/version/1.1","title":"Loopback JSON","items":[
              {"id":"a3","url":"{{b}}/a/3?utm_source=json","title":"Harbour report 3"},
              {"id":"a1","url":"{{b}}/a/1","title":"Harbour report 1","date_published":"2026-11-20T10:00:00Z"},
              {"id":"nourl","title":"missing url"}]}
            """);
        // JSON Feed says url is a string; a number is a malformed item, not the relative URL "12345".
        server.Serve("/numeric.json", "application/feed+json", $$"""
            {"version":"https://jsonfeed.org/version/1.1","title":"Loopback JSON","items":[
              {"id":1,"url":"{{b}}/a/1"}, {"id":2,"url":12345}]}
            """);
        server.Serve("/lol.xml", "application/rss+xml", BillionLaughs.Feed);
        server.ServeGzipped("/sitemap_index.xml.gz", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{b}/news-sitemap.xml</loc><lastmod>2026-11-20T10:00:00Z</lastmod></sitemap>
            </sitemapindex>
            """);
        server.Serve("/news-sitemap.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{b}/a/4</loc><news:news><news:publication><news:name>Loopback Times</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-11-20T07:00:00Z</news:publication_date><news:title>Harbour report 4</news:title></news:news></url>
              <url><loc>{b}/a/1?utm_source=googlenews</loc><news:news><news:publication><news:name>Loopback Times</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-11-20T10:00:00Z</news:publication_date><news:title>Harbour report 1</news:title></news:news></url>
            </urlset>
            """);
        server.Serve("/", "text/html; charset=utf-8", """
            <!doctype html><html lang="en"><head><title>Loopback Times</title>
            <link rel="alternate" type="application/rss+xml" title="Loopback Times" href="/site-rss.xml">
            </head><body><h1>Loopback Times</h1><a href="/a/5">Harbour report 5</a></body></html>
            """);
        server.Serve("/site-rss.xml", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Site feed</title>
              <item><title>Harbour report 5</title><link>{b}/a/5?utm_medium=social</link></item>
              <item><title>Harbour report 2</title><link>{b}/a/2?utm_source=site</link></item>
            </channel></rss>
            """);
        server.Serve("/site-sitemap.xml", "application/xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{b}/a/6</loc></url><url><loc>{b}/a/4?utm_content=footer</loc></url>
            </urlset>
            """);
    }
}
