using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// <c>extract URL</c> fetches with the pass's own fetcher, configured from <c>NEWSINGEST_*</c> variables: robots.txt
/// is obeyed, a body that never ends is cut off by the total timeout, a private address is refused unless allowed.
/// </summary>
public sealed class ExtractUrlTests : IAsyncLifetime
{
    // The default timeouts: a cold child on a loaded machine can take more than a second for its first request.
    private static readonly Dictionary<string, string> Loopback = new()
    {
        ["NEWSINGEST_HTTP__ALLOWPRIVATENETWORKS"] = "true",
        ["NEWSINGEST_HTTP__MAXRETRIES"] = "0",
    };

    // Short timeouts for the body that never ends, and no robots.txt request that they could cut short instead.
    private static readonly Dictionary<string, string> LoopbackShortTimeouts = new(Loopback)
    {
        ["NEWSINGEST_POLITENESS__OBEYROBOTS"] = "false",
        ["NEWSINGEST_HTTP__ATTEMPTTIMEOUT"] = "00:00:01",
        ["NEWSINGEST_HTTP__TOTALTIMEOUT"] = "00:00:02",
    };

    private WebApplication _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        (_app, _base) = await LoopbackKestrel.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n"));
            app.MapGet("/news/open", () => Results.Content(ArticlePage.Html(new Uri(_base, "/news/open").AbsoluteUri,
                "Budget talks resume", "Negotiators returned to the table on Monday after a week of talks."), "text/html; charset=utf-8"));
            app.MapGet("/private/memo", () => Results.Content("<p>not for robots</p>", "text/html"));
            app.MapGet("/news/endless", async (HttpContext context) =>
            {
                // One byte, then nothing, for as long as the client waits.
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
        });
    }

    [Fact]
    public async Task A_page_is_fetched_and_extracted()
    {
        var result = await NewsIngestExecutable.RunAsync(["extract", Url("/news/open"), "--format", "text"], Loopback);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Negotiators returned to the table", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_robots_txt_disallows_is_not_fetched()
    {
        var result = await NewsIngestExecutable.RunAsync(["extract", Url("/private/memo")], Loopback);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("robots.txt", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not for robots", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_never_ends_is_given_up_after_the_total_timeout_with_one_line()
    {
        var result = await NewsIngestExecutable.RunAsync(["extract", Url("/news/endless")], LoopbackShortTimeouts, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsingest extract: {Url("/news/endless")}: ", line, StringComparison.Ordinal);
        Assert.Contains("timed out", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_address_is_refused_unless_allowed()
    {
        var result = await NewsIngestExecutable.RunAsync(["extract", Url("/news/open")]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not a public address", result.Stderr, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Url(string path) => new Uri(_base, path).AbsoluteUri;
}
