namespace NewsIngest.Ingestion.Tests.Discovery.Support;

/// <summary>
/// A loopback news site written for these tests: RSS 2.0, RSS 1.0, Atom and JSON feeds, a gzipped sitemap index
/// over a Google News sitemap and a plain one, the same articles listed several times with tracking parameters,
/// malformed items, a garbage feed, and entity expansion attacks. "Now" for the tests is <see cref="Now"/>.
/// </summary>
internal static class NewsSite
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The articles the feeds and sitemaps list, each exactly once after canonicalization.</summary>
    public static readonly string[] Articles =
        ["/news/a1", "/news/a2", "/news/a3", "/news/old", "/rdf/r1", "/atom/t1", "/json/j1", "/news/n1", "/pages/p1", "/pages/p2"];

    public static async Task<LoopbackSite> StartAsync()
    {
        var site = await LoopbackSite.StartAsync();
        var b = site.BaseUrl.AbsoluteUri.TrimEnd('/');
        site.Serve("/", "text/html; charset=utf-8", $"""
            <!doctype html><html><head><title>Example News</title>
            <link rel="alternate" type="application/rss+xml" title="Example News" href="/rss2.xml">
            <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
            <link rel="Alternate" type="application/atom+xml" href="{b}/atom.xml">
            <link rel="stylesheet" href="/site.css">
            </head><body><h1>Example News</h1></body></html>
            """);
        site.Serve("/robots.txt", "text/plain", $"User-agent: *\nDisallow: /private/\n\nSitemap: {b}/sitemap_index.xml.gz # all of it\n");
        site.Serve("/comments/feed", "application/rss+xml", $"<rss version=\"2.0\"><channel><item><link>{b}/news/a1#comment-1</link></item></channel></rss>");
        site.Serve("/rss2.xml", "application/rss+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example</title><language>en</language>
              <item><title>A1 from RSS</title><link>{b}/news/a1?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">a1</guid>
                <description>&lt;p&gt;The a1 lead.&lt;/p&gt;</description><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
              <item><title>A2</title><link>/news/a2</link><pubDate>Thu, 19 Nov 2026 09:00:00 CET</pubDate></item>
              <item><title>A3 with a bad date</title><link>{b}/news/a3</link><pubDate>the day before yesterday</pubDate></item>
              <item><title>No link at all</title><pubDate>Thu, 19 Nov 2026 09:00:00 GMT</pubDate></item>
              <item><title>Garbage link</title><link>javascript:alert(1)</link></item>
              <item><title>Old</title><link>{b}/news/old</link><pubDate>Thu, 1 Oct 2026 09:00:00 GMT</pubDate></item>
            </channel></rss>
            """);
        site.Serve("/rss1.rdf", "application/rdf+xml", $"""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="{b}/"><title>Example RDF</title></channel>
              <item rdf:about="{b}/rdf/r1"><title>R1</title><link>{b}/rdf/r1</link><dc:date>2026-11-19T12:00:00Z</dc:date></item>
              <item rdf:about="{b}/news/a1?fbclid=abc#top"><title>A1 again</title><link>{b}/news/a1?fbclid=abc#top</link></item>
            </rdf:RDF>
            """);
        site.Serve("/atom.xml", "application/atom+xml", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example</id><updated>2026-11-20T00:00:00Z</updated>
              <entry><title>T1</title><id>urn:t1</id><link href="{b}/atom/t1"/><published>2026-11-18T08:00:00Z</published><updated>2026-11-18T08:00:00Z</updated></entry>
              <entry><title>R1 via Atom</title><id>urn:r1</id><link href="{b}/rdf/r1#section-2"/><updated>2026-11-19T12:00:00Z</updated></entry>
            </feed>
            """);
        site.Serve("/feed.json", "application/feed+json", $$"""
            {"version":"https://jsonfeed.org/version/1.1","title":"Example JSON","items":[
              {"id":"j1","url":"{{b}}/json/j1","title":"J1","date_published":"2026-11-17T08:00:00Z"},
              {"id":"a2","url":"{{b}}/news/a2?gclid=xyz","title":"A2 again"},
              {"id":"nourl","title":"missing url"}]}
            """);
        site.Serve("/sitemap_index.xml.gz", "application/gzip", SitemapParserTests.Gzip($"""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{b}/news-sitemap.xml</loc></sitemap>
              <sitemap><loc>{b}/sitemap-pages.xml</loc></sitemap>
            </sitemapindex>
            """));
        site.Serve("/news-sitemap.xml", "application/xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{b}/news/n1</loc><news:news><news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-11-20T11:00:00Z</news:publication_date><news:title>N1 headline</news:title></news:news></url>
              <url><loc>{b}/news/a1?utm_campaign=x</loc><news:news><news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2026-11-20T10:00:00Z</news:publication_date><news:title>A1 headline</news:title></news:news></url>
            </urlset>
            """);
        site.Serve("/sitemap-pages.xml", "application/xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{b}/pages/p1</loc><lastmod>2026-11-15</lastmod></url>
              <url><loc>{b}/pages/p2</loc></url>
              <url><lastmod>2026-11-15</lastmod></url>
            </urlset>
            """);
        site.Serve("/garbage-feed.xml", "application/rss+xml", "\u0000\u0001<<< this is not a feed >>>");
        site.Serve("/lol-feed.xml", "application/rss+xml", BillionLaughs.Feed);
        site.Serve("/lol-sitemap.xml", "application/xml", BillionLaughs.Sitemap);
        return site;
    }
}
