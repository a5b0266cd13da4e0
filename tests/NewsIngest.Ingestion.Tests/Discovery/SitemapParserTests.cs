using System.IO.Compression;
using System.Text;
using NewsIngest.Ingestion.Discovery.Sitemaps;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class SitemapParserTests
{
    private static SitemapDocument Parse(string text, int maxUrls = 50_000, long maxBytes = 64 * 1024 * 1024) =>
        SitemapParser.Parse(Encoding.UTF8.GetBytes(text), maxUrls, maxBytes);

    internal static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Reads_google_news_fields_and_ignores_image_and_video_extensions()
    {
        var sitemap = Parse("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                    xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
                    xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">
              <url>
                <loc>https://example.com/n/1</loc>
                <lastmod>2026-11-03T12:00:00Z</lastmod>
                <image:image><image:loc>https://cdn.example.com/1.jpg</image:loc><image:title>Photo</image:title></image:image>
                <video:video><video:title>Clip</video:title><video:content_loc>https://cdn.example.com/1.mp4</video:content_loc></video:video>
                <news:news>
                  <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
                  <news:publication_date>2026-11-03T10:00:00+00:00</news:publication_date>
                  <news:title>Rates &amp; markets</news:title>
                </news:news>
              </url>
            </urlset>
            """);

        Assert.Null(sitemap.Error);
        var entry = Assert.Single(sitemap.Entries);
        Assert.Equal("https://example.com/n/1", entry.Location);
        Assert.Equal("Rates & markets", entry.Title);
        Assert.Equal("Example Times", entry.Publication);
        Assert.Equal("en", entry.Language);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero), entry.PublishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), entry.LastModified);
    }

    [Fact]
    public void Lists_the_children_of_a_gzipped_sitemap_index()
    {
        var sitemap = SitemapParser.Parse(Gzip("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/s1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
              <sitemap><lastmod>2026-11-01</lastmod></sitemap>
              <sitemap><loc>https://example.com/s2.xml.gz</loc></sitemap>
            </sitemapindex>
            """));

        Assert.True(sitemap.IsIndex);
        Assert.Equal(["https://example.com/s1.xml", "https://example.com/s2.xml.gz"], sitemap.Sitemaps);
        Assert.Equal(1, sitemap.SkippedEntries);
    }

    [Fact]
    public void Reads_a_plain_text_sitemap()
    {
        var sitemap = Parse("https://example.com/t/1\n\nhttps://example.com/t/2\r\nnot a url\n");

        Assert.Equal(["https://example.com/t/1", "https://example.com/t/2"], sitemap.Entries.Select(e => e.Location));
        Assert.Equal(1, sitemap.SkippedEntries);
    }

    [Fact]
    public void Stops_at_the_url_cap_and_says_so()
    {
        var urls = string.Concat(Enumerable.Range(0, 100).Select(i => $"<url><loc>https://example.com/{i}</loc></url>"));
        var sitemap = Parse($"<urlset>{urls}</urlset>", maxUrls: 25);

        Assert.Equal(25, sitemap.Entries.Count);
        Assert.True(sitemap.Capped);
    }

    [Fact]
    public void Refuses_a_gzip_bomb_at_the_decompressed_size_cap()
    {
        // 5 MB of whitespace compresses to a few KB.
        var bomb = Gzip("<urlset>" + new string(' ', 5_000_000) + "<url><loc>https://example.com/late</loc></url></urlset>");
        Assert.True(bomb.Length < 100_000);

        var sitemap = SitemapParser.Parse(bomb, maxBytes: 1_000_000);

        Assert.NotNull(sitemap.Error);
        Assert.Contains("cap", sitemap.Error);
        Assert.Empty(sitemap.Entries);
    }

    [Fact]
    public void Refuses_an_entity_expansion_attack_quickly_and_without_expanding_it()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var sitemap = Parse(BillionLaughs.Sitemap);

        Assert.NotNull(sitemap.Error);
        Assert.Empty(sitemap.Entries);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20_000_000, "allocated too much");
    }

    [Theory]
    [InlineData("<html><body>soft 404</body></html>")]
    [InlineData("<urlset><url><loc>https://example.com/a</loc></url><url><loc>")]
    [InlineData("")]
    public void Reports_a_malformed_sitemap_and_keeps_what_came_before(string text)
    {
        var sitemap = Parse(text);

        Assert.True(sitemap.Error is not null || sitemap.Entries.Count == 0);
        Assert.All(sitemap.Entries, e => Assert.Equal("https://example.com/a", e.Location));
    }
}
