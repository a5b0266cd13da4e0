using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Tests.Discovery.Support;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class SitemapIndexTests
{
    private static string Index(params Uri[] children) =>
        "<sitemapindex>" + string.Concat(children.Select(c => $"<sitemap><loc>{c}</loc></sitemap>")) + "</sitemapindex>";

    [Fact]
    public async Task Reads_each_sitemap_once_even_when_an_index_lists_itself_or_a_child_twice()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Serve("/index.xml", "application/xml", Index(site.Url("/index.xml"), site.Url("/a.xml"), site.Url("/a.xml"), site.Url("/b.xml")));
        site.Serve("/a.xml", "application/xml", $"<urlset><url><loc>{site.Url("/story/a")}</loc></url></urlset>");
        site.Serve("/b.xml", "application/xml", Index(site.Url("/index.xml"), site.Url("/a.xml")));
        using var harness = new DiscoveryHarness();

        var result = await harness.Discoverer.DiscoverAsync(
            new SourceOptions { Name = "loop", Sitemaps = [site.Url("/index.xml").AbsoluteUri, site.Url("/a.xml").AbsoluteUri] },
            CancellationToken.None);

        Assert.Equal("/story/a", Assert.Single(result.Urls).Url.AbsolutePath);
        Assert.Equal([1, 1, 1], new[] { "/index.xml", "/a.xml", "/b.xml" }.Select(site.HitsOf));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Stops_at_the_depth_cap_and_the_per_source_budget_and_says_so()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Serve("/level1.xml", "application/xml", Index(site.Url("/level2.xml")));
        site.Serve("/level2.xml", "application/xml", Index(site.Url("/level3.xml")));
        site.Serve("/level3.xml", "application/xml", $"<urlset><url><loc>{site.Url("/deep")}</loc></url></urlset>");
        site.Serve("/wide.xml", "application/xml", Index(Enumerable.Range(0, 10).Select(i => site.Url($"/part{i}.xml")).ToArray()));
        using var harness = new DiscoveryHarness(new DiscoveryOptions { MaxSitemapDepth = 2, MaxSitemapsPerSource = 6 });

        var deep = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "deep", Sitemaps = [site.Url("/level1.xml").AbsoluteUri] }, CancellationToken.None);
        var wide = await harness.Discoverer.DiscoverAsync(new SourceOptions { Name = "wide", Sitemaps = [site.Url("/wide.xml").AbsoluteUri] }, CancellationToken.None);

        Assert.Empty(deep.Urls);
        Assert.Equal(0, site.HitsOf("/level3.xml"));
        Assert.Contains(deep.Problems, p => p.Contains("depth cap 2", StringComparison.Ordinal));
        // The index plus 5 parts fit the budget of 6; parts 5..9 are reported, not fetched.
        Assert.Equal(5, Enumerable.Range(0, 10).Count(i => site.HitsOf($"/part{i}.xml") == 1));
        Assert.Equal(5, wide.Problems.Count(p => p.Contains("sitemap budget", StringComparison.Ordinal)));
    }
}
