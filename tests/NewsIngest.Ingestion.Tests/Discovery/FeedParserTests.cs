using System.IO.Compression;
using System.Text;
using NewsIngest.Ingestion.Discovery.Feeds;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class FeedParserTests
{
    private static FeedDocument Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_rss2_items_with_link_guid_title_summary_date_and_channel_language()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>T</title><language>de-DE</language>
              <item><title>First &amp; best</title><link>https://example.com/a/1</link><guid isPermaLink="false">id-1</guid>
                <description>&lt;p&gt;Lead &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description><pubDate>Tue, 3 Nov 2026 09:30:00 CET</pubDate></item>
            </channel></rss>
            """);

        Assert.Null(feed.Error);
        Assert.Equal("rss2", feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://example.com/a/1", item.Link);
        Assert.Equal("id-1", item.Guid);
        Assert.Equal("First & best", item.Title);
        Assert.Equal("Lead text", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(1)), item.PublishedAt);
        Assert.Equal("de-DE", item.Language);
    }

    [Fact]
    public void Keeps_rss2_items_whose_dates_syndication_cannot_read_as_undated()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><link>https://example.com/a/1</link><pubDate>sometime last week</pubDate></item>
              <item><link>https://example.com/a/2</link><pubDate>Tue, 03 Nov 2026 09:30:00 EST</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(2, feed.Items.Count);
        Assert.Null(feed.Items[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.FromHours(-5)), feed.Items[1].PublishedAt);
        Assert.Equal(1, feed.UnreadableDates);
    }

    [Fact]
    public void Skips_and_counts_items_without_a_link()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><title>no link at all</title></item>
              <item><guid>https://example.com/from-guid</guid></item>
              <item><link>https://example.com/ok</link></item>
            </channel></rss>
            """);

        Assert.Equal(["https://example.com/from-guid", "https://example.com/ok"], feed.Items.Select(i => i.Link));
        Assert.Equal(1, feed.SkippedItems);
    }

    [Fact]
    public void Reads_rss1_rdf_items_with_dublin_core_dates()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.com/"><title>T</title><dc:language>fr</dc:language></channel>
              <item rdf:about="https://example.com/rdf/1"><title>Un</title><link>https://example.com/rdf/1</link>
                <dc:date>2026-11-02T08:00:00+01:00</dc:date></item>
              <item rdf:about="https://example.com/rdf/2"><title>Deux</title></item>
            </rdf:RDF>
            """);

        Assert.Equal("rss1", feed.Format);
        Assert.Equal(["https://example.com/rdf/1", "https://example.com/rdf/2"], feed.Items.Select(i => i.Link));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1)), feed.Items[0].PublishedAt);
        Assert.All(feed.Items, i => Assert.Equal("fr", i.Language));
    }

    [Fact]
    public void Reads_rss091_with_the_netscape_doctype()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title>
              <item><title>Old item</title><link>https://example.com/old/1</link></item>
            </channel></rss>
            """);

        Assert.Equal("rss0.91", feed.Format);
        Assert.Equal("https://example.com/old/1", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Reads_atom_entries_with_alternate_links_and_published_dates()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>A</title><id>urn:a</id><updated>2026-11-03T10:00:00Z</updated>
              <entry><title type="html">Atom &lt;i&gt;one&lt;/i&gt;</title><id>urn:1</id>
                <link rel="self" href="https://example.com/self/1"/><link rel="alternate" href="https://example.com/atom/1"/>
                <published>2026-11-03T09:00:00Z</published><updated>2026-11-03T10:00:00Z</updated><summary>S</summary></entry>
            </feed>
            """);

        Assert.Equal("atom", feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://example.com/atom/1", item.Link);
        Assert.Equal("Atom one", item.Title);
        Assert.Equal("urn:1", item.Guid);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), item.PublishedAt);
    }

    [Fact]
    public void Falls_back_to_the_lenient_reader_when_syndication_rejects_an_atom_feed()
    {
        // An Atom link without href makes Syndication throw; the lenient reader keeps the good entry.
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
              <entry><link href="https://example.com/atom/good"/><updated>Tue, 3 Nov 2026 09:00:00 GMT</updated></entry>
              <entry><link rel="alternate"/><title>broken</title></entry>
            </feed>
            """);

        Assert.Equal("https://example.com/atom/good", Assert.Single(feed.Items).Link);
        Assert.Equal(1, feed.SkippedItems);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), feed.Items[0].PublishedAt);
    }

    [Fact]
    public void Reads_json_feed_items_and_skips_entries_without_url()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","language":"es",
             "items":[{"id":"1","url":"https://example.com/j/1","title":"Uno","summary":"S","date_published":"2026-11-03T09:00:00+01:00"},
                      {"id":2,"external_url":"https://example.com/j/2","content_html":"<p>Dos</p>","language":"ca"},
                      {"id":"3","title":"no url"}, 42]}
            """);

        Assert.Equal("json", feed.Format);
        Assert.Equal(["https://example.com/j/1", "https://example.com/j/2"], feed.Items.Select(i => i.Link));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(1)), feed.Items[0].PublishedAt);
        Assert.Equal("es", feed.Items[0].Language);
        Assert.Equal("ca", feed.Items[1].Language);
        Assert.Equal("Dos", feed.Items[1].Summary);
        Assert.Equal("2", feed.Items[1].Guid);
        Assert.Equal(2, feed.SkippedItems);
    }

    [Fact]
    public void Reads_a_gzipped_feed()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><item><link>https://example.com/gz</link></item></channel></rss>"));
        }

        Assert.Equal("https://example.com/gz", Assert.Single(FeedParser.Parse(buffer.ToArray()).Items).Link);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<html><body>Not found</body></html>")]
    [InlineData("{\"items\": 5}")]
    [InlineData("{ broken json")]
    [InlineData("<rss><channel><item><link>https://example.com/x</link>")]
    public void Reports_a_malformed_feed_instead_of_throwing(string text)
    {
        var feed = Parse(text);

        Assert.NotNull(feed.Error);
        Assert.DoesNotContain(feed.Items, i => i.Link != "https://example.com/x");
    }

    [Fact]
    public void Keeps_items_read_before_the_feed_breaks_off()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><link>https://example.com/before</link></item>
              <item><link>https://example.com/broken</link></oops>
            </channel></rss>
            """);

        Assert.NotNull(feed.Error);
        Assert.Equal("https://example.com/before", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Refuses_an_entity_expansion_attack_quickly_and_without_expanding_it()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(BillionLaughs.Feed));

        Assert.NotNull(feed.Error);
        Assert.Contains("lol9", feed.Error);
        Assert.Empty(feed.Items);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        // Expanded, the payload would be ~3 GB of text; the parse must stay in the low megabytes.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20_000_000, "allocated too much");
    }

    [Fact]
    public void Stops_reading_at_the_item_cap()
    {
        var items = string.Concat(Enumerable.Range(0, 50).Select(i => $"<item><link>https://example.com/{i}</link></item>"));
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"0.92\"><channel>{items}</channel></rss>"), new FeedLimits(MaxItems: 10));

        Assert.Equal(10, feed.Items.Count);
    }
}
