namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// Feeds, a gzipped sitemap index and a bare home page, all listing the same six articles under tracking-parameter
/// variants, plus malformed items and an entity-expansion feed: the real executable records each article once.
/// </summary>
public sealed class DiscoveryPassTests : IAsyncLifetime
{
    private static readonly string[] Articles = ["/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6"];
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        LoopbackSites.ServeNewsSiteWithArticles(_server, paywalled: 2);
    }

    [Fact]
    public async Task Every_article_is_recorded_exactly_once_across_feed_sitemap_and_site_sources()
    {
        E2eConfig.Write(_work, $$"""
            { "Name": "feeds", "Feeds": [ "{{_server.Url("/rss.xml")}}", "{{_server.Url("/atom.xml")}}", "{{_server.Url("/feed.json")}}", "{{_server.Url("/lol.xml")}}" ] },
            { "Name": "maps", "Sitemaps": [ "{{_server.Url("/sitemap_index.xml.gz")}}" ] },
            { "Name": "site", "Site": "{{_server.Url("/")}}" }
            """);
        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        // Then: six records, one per canonical URL, no tracking parameter anywhere, each article fetched once.
        var perUrl = _work.Records()
            .GroupBy(r => r.GetProperty("canonicalUrl").GetString() ?? r.GetProperty("url").GetString())
            .ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(Articles.Select(_server.Url).Order(StringComparer.Ordinal), perUrl.Keys.Order(StringComparer.Ordinal));
        Assert.All(perUrl, pair => Assert.Equal(1, pair.Value));
        Assert.All(_work.Records(), r => Assert.DoesNotContain("utm_", r.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.All(Articles, path => Assert.Single(_server.SeenAt(path)));
        Assert.Equal(6, Workspace.Count(result.Stdout, "new"));
        var paywalled = _work.Records().Where(r => r.GetProperty("paywall").GetProperty("status").GetString() == "paywalled").ToList();
        Assert.True(paywalled.Count == 1, string.Join('\n', paywalled.Select(r => r.GetProperty("url") + " " + r.GetProperty("paywall"))));
        Assert.Equal(_server.Url("/a/2"), paywalled[0].GetProperty("url").GetString());
        Assert.Equal(1, Workspace.Count(result.Stdout, "paywalled"));

        // Malformed items are warnings; the entity-expansion feed, not read at all, is a discovery problem (exit 1); no page failed, no
        // stray URL was requested, and the entity-expansion feed was read once (refused, not retried).
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(0, Workspace.Count(result.Stdout, "failed"));
        Assert.True(Workspace.Count(result.Stdout, "discovery problems") >= 1, result.Stdout);
        Assert.True(Workspace.Count(result.Stdout, "discovery warnings") >= 3, result.Stdout);
        Assert.Contains("/lol.xml: malformed feed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/rss.xml: skipped 2 malformed item(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/feed.json: skipped 1 malformed item(s)", result.Stderr, StringComparison.Ordinal);
        Assert.All(_server.Seen.Where(r => r.Path.StartsWith("/a/", StringComparison.Ordinal) || r.Status == 404),
            r => Assert.Contains(r.Path, Articles));
        Assert.Single(_server.SeenAt("/lol.xml"));
    }

    [Fact]
    public async Task A_json_feed_item_whose_url_is_a_number_is_skipped_as_malformed_not_fetched_as_a_relative_url()
    {
        E2eConfig.Write(_work, $$"""{ "Name": "json", "Feeds": [ "{{_server.Url("/numeric.json")}}" ] }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));

        Assert.Empty(_server.SeenAt("/12345"));
        Assert.Equal(0, Workspace.Count(result.Stdout, "failed"));
        Assert.Equal(1, Workspace.Count(result.Stdout, "new"));
        Assert.Contains("/numeric.json: skipped 1 malformed item(s)", result.Stderr, StringComparison.Ordinal);

        // A feed that was read but had one bad item is a warning, not a failure: counted, kept for status, exit 0.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("discovery warnings 1", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("discovery problems", result.Stdout, StringComparison.Ordinal);
        var status = await NewsIngestExecutable.RunAsync(_work.Args("status"));
        Assert.Contains("  warning: json: feed ", status.Stdout, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }
}
