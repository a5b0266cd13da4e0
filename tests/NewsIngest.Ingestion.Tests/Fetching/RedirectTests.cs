using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class RedirectTests
{
    [Fact]
    public async Task A_redirect_loop_stops_with_too_many_redirects()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        });
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/a"));

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Contains("loop", result.Error);
        Assert.Single(server.SeenAt("/a"));
        Assert.Single(server.SeenAt("/b"));
    }

    [Fact]
    public async Task An_endless_redirect_chain_stops_at_the_cap()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}"));
        });
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRedirects"] = "3" });

        var result = await harness.FetchAsync(server.Url("/hop/0"));

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Contains("more than 3 redirects", result.Error);
        Assert.Equal(4, server.Seen.Count(r => r.PathAndQuery.StartsWith("/hop/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_redirect_to_a_disallowed_path_is_refused_before_it_is_requested()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /members\n"));
            app.MapGet("/go", () => Results.Redirect("/members/story", permanent: true));
            app.MapGet("/members/story", () => Results.Text("secret"));
        });
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/go"));

        Assert.Equal(FetchOutcome.RobotsDenied, result.Outcome);
        Assert.Equal(server.Url("/go"), result.RequestedUrl);
        Assert.Empty(server.SeenAt("/members/story"));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_followed_and_its_robots_txt_consulted()
    {
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/story", () => Results.Text("moved here", "text/html"));
        });
        await using var origin = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/old", () => Results.Redirect(target.Url("/story").ToString()));
        });
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(origin.Url("/old"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(origin.Url("/old"), result.RequestedUrl);
        Assert.Equal(target.Url("/story"), result.FinalUrl);
        Assert.Equal("moved here"u8.ToArray(), result.Body);
        Assert.Single(target.SeenAt("/robots.txt"));
    }
}
