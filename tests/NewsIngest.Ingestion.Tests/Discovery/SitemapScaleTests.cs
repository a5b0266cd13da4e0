using System.Diagnostics;
using System.Text;
using NewsIngest.Ingestion.Discovery.Sitemaps;
using Xunit.Abstractions;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class SitemapScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Streams_a_full_50000_url_gzipped_news_sitemap_in_bounded_time_and_memory()
    {
        var xml = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        for (var i = 0; i < 50_000; i++)
        {
            xml.Append("<url><loc>https://example.com/2026/11/20/story-").Append(i)
                .Append("</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>")
                .Append("<news:publication_date>2026-11-20T10:00:00Z</news:publication_date><news:title>Story ").Append(i)
                .Append("</news:title></news:news></url>");
        }

        var body = SitemapParserTests.Gzip(xml.Append("</urlset>").ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.StartNew();

        var sitemap = SitemapParser.Parse(body);

        started.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"50000 news URLs: {xml.Length / 1024 / 1024} MiB XML, {body.Length / 1024} KiB gzipped, parsed in {started.ElapsedMilliseconds} ms, allocated {allocated / 1024 / 1024} MiB");
        Assert.Equal(50_000, sitemap.Entries.Count);
        Assert.False(sitemap.Capped);
        Assert.Equal("Story 49999", sitemap.Entries[^1].Title);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }
}
