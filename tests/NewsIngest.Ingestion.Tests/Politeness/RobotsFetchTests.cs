using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Politeness;

public class RobotsFetchTests
{
    private static Task<LoopbackServer> ServeAsync(string? robots, int robotsStatus = 200) =>
        LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => robots is null
                ? Results.StatusCode(robotsStatus)
                : Results.Text(robots, "text/plain", statusCode: robotsStatus));
            app.MapGet("/{**path}", (string path) => Results.Text($"<html><body>{path}</body></html>", "text/html"));
        });

    [Fact]
    public async Task A_disallowed_path_is_denied_and_the_server_never_sees_it()
    {
        await using var server = await ServeAsync("User-agent: *\nDisallow: /private\n");
        await using var harness = new FetchHarness();

        var denied = await harness.FetchAsync(server.Url("/private/story"));
        var allowed = await harness.FetchAsync(server.Url("/public/story"));

        Assert.Equal(FetchOutcome.RobotsDenied, denied.Outcome);
        Assert.Contains("/private/story", denied.Error);
        Assert.Equal(0, denied.Attempts);
        Assert.Equal(FetchOutcome.Ok, allowed.Outcome);
        Assert.Empty(server.SeenAt("/private/story"));
        Assert.Single(server.SeenAt("/robots.txt")); // fetched once, then cached
    }

    [Fact]
    public async Task Robots_txt_is_requested_with_our_user_agent()
    {
        await using var server = await ServeAsync("User-agent: *\nAllow: /\n");
        await using var harness = new FetchHarness();

        await harness.FetchAsync(server.Url("/page"));

        Assert.Equal(FetchHarness.UserAgent, server.SeenAt("/robots.txt").Single().Header("User-Agent"));
        Assert.Equal(FetchHarness.UserAgent, server.SeenAt("/page").Single().Header("User-Agent"));
    }

    [Fact]
    public async Task Crawl_delay_spaces_the_requests_to_that_host()
    {
        await using var server = await ServeAsync("User-agent: NewsIngestTest\nCrawl-delay: 0.4\n");
        await using var harness = new FetchHarness();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(FetchOutcome.Ok, (await harness.FetchAsync(server.Url($"/story/{i}"))).Outcome);
        }

        var starts = server.Seen.Where(r => r.PathAndQuery.StartsWith("/story/", StringComparison.Ordinal)).Select(r => r.At).ToList();
        Assert.Equal(3, starts.Count);
        for (var i = 1; i < starts.Count; i++)
        {
            var gap = starts[i] - starts[i - 1];
            // Tolerance: the server stamps arrival, the client spaces sends; loop-back latency varies by tens of ms under load.
            // Without pacing the gap is a few ms; arrival stamps can lag sends by up to ~100 ms on a loaded 2-core box.
            Assert.True(gap >= TimeSpan.FromMilliseconds(250), $"gap {gap.TotalMilliseconds} ms: Crawl-delay 400 ms not honoured");
        }
    }

    [Fact]
    public async Task Concurrent_requests_to_one_host_are_serialized_and_spaced_by_the_min_delay()
    {
        await using var server = await ServeAsync("User-agent: *\nAllow: /\n");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:MinDelay"] = "00:00:00.300" });

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => harness.FetchAsync(server.Url($"/story/{i}"))));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        var starts = server.Seen.Where(r => r.PathAndQuery.StartsWith("/story/", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromMilliseconds(250), $"gap {(starts[i] - starts[i - 1]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task A_404_robots_txt_allows_everything()
    {
        await using var server = await ServeAsync(robots: null, robotsStatus: 404);
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/anything"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Single(server.SeenAt("/anything"));
    }

    [Fact]
    public async Task A_500_robots_txt_makes_the_host_unavailable_and_the_page_is_never_requested()
    {
        await using var server = await ServeAsync(robots: null, robotsStatus: 500);
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRetries"] = "1" });

        var first = await harness.FetchAsync(server.Url("/story"));
        var second = await harness.FetchAsync(server.Url("/other"));

        Assert.Equal(FetchOutcome.RobotsUnavailable, first.Outcome);
        Assert.Contains("HTTP 500", first.Error);
        Assert.Equal(FetchOutcome.RobotsUnavailable, second.Outcome);
        Assert.DoesNotContain(server.Seen, r => r.PathAndQuery != "/robots.txt");
        Assert.Equal(2, server.SeenAt("/robots.txt").Count); // one attempt and one retry, then the verdict is cached
    }

    [Fact]
    public async Task After_the_error_window_robots_txt_is_fetched_again()
    {
        var failing = true;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => failing ? Results.StatusCode(503) : Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/story", () => Results.Text("ok"));
        });
        await using var harness = new FetchHarness(new Dictionary<string, string?>
        {
            ["NewsIngest:Http:MaxRetries"] = "0",
            ["NewsIngest:Politeness:RobotsErrorDisallowFor"] = "00:00:00.300",
            ["NewsIngest:Politeness:CooldownBase"] = "00:00:00.050",
        });

        Assert.Equal(FetchOutcome.RobotsUnavailable, (await harness.FetchAsync(server.Url("/story"))).Outcome);
        failing = false;
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        Assert.Equal(FetchOutcome.Ok, (await harness.FetchAsync(server.Url("/story"))).Outcome);
        Assert.Equal(2, server.SeenAt("/robots.txt").Count);
    }

    [Fact]
    public async Task Robots_txt_redirects_are_followed()
    {
        await using var target = await ServeAsync("User-agent: *\nDisallow: /\n");
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Redirect(target.Url("/robots.txt").ToString()));
            app.MapGet("/story", () => Results.Text("ok"));
        });
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/story"));

        Assert.Equal(FetchOutcome.RobotsDenied, result.Outcome);
        Assert.Empty(server.SeenAt("/story"));
    }

    [Fact]
    public async Task Sitemap_lines_are_exposed_for_discovery()
    {
        await using var server = await ServeAsync("Sitemap: https://news.example/sitemap-news.xml\nUser-agent: *\nDisallow:\nSitemap: /sitemap.xml\n");
        await using var harness = new FetchHarness();

        var sitemaps = await harness.Robots.GetSitemapsAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal([new Uri("https://news.example/sitemap-news.xml"), server.Url("/sitemap.xml")], sitemaps);
    }

    [Fact]
    public async Task With_obey_robots_off_a_disallowed_path_is_fetched()
    {
        await using var server = await ServeAsync("User-agent: *\nDisallow: /\n");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:ObeyRobots"] = "false" });

        var result = await harness.FetchAsync(server.Url("/story"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Empty(server.SeenAt("/robots.txt"));
    }

    [Fact]
    public async Task Only_the_first_max_robots_bytes_are_parsed()
    {
        var padding = string.Concat(Enumerable.Repeat("# padding line to push the next rule past the cap\n", 60));
        await using var server = await ServeAsync("User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:MaxRobotsBytes"] = "1024" });

        Assert.Equal(FetchOutcome.RobotsDenied, (await harness.FetchAsync(server.Url("/early"))).Outcome);
        Assert.Equal(FetchOutcome.Ok, (await harness.FetchAsync(server.Url("/late"))).Outcome);
    }
}
