using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class ConditionalGetTests
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 1, 8, 30, 0, TimeSpan.Zero);

    private static Task<LoopbackServer> ServeVersionedPageAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/article", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = Modified.ToString("R");
            context.Response.Headers.SetCookie = "session=abc; Path=/";
            return context.Request.Headers.IfNoneMatch == "\"v1\""
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text("<html><body>story</body></html>", "text/html; charset=utf-8");
        });
    });

    [Fact]
    public async Task A_second_fetch_sends_the_validators_and_gets_not_modified()
    {
        await using var server = await ServeVersionedPageAsync();
        await using var harness = new FetchHarness();

        var first = await harness.FetchAsync(server.Url("/article"));
        var second = await harness.FetchAsync(server.Url("/article"), first.ETag, first.LastModified);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(Modified, first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.True(second.IsSuccess);
        Assert.Empty(second.Body);
        var revalidation = server.SeenAt("/article")[1];
        Assert.Equal("\"v1\"", revalidation.Header("If-None-Match"));
        Assert.Equal(Modified, DateTimeOffset.Parse(revalidation.Header("If-Modified-Since")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task No_cookie_set_by_the_server_is_ever_sent_back()
    {
        await using var server = await ServeVersionedPageAsync();
        await using var harness = new FetchHarness();

        await harness.FetchAsync(server.Url("/article"));
        await harness.FetchAsync(server.Url("/article"));

        Assert.All(server.Seen, r => Assert.Null(r.Header("Cookie")));
        Assert.All(server.Seen, r => Assert.Null(r.Header("Authorization")));
        Assert.All(server.Seen, r => Assert.Equal(FetchHarness.UserAgent, r.Header("User-Agent")));
    }

    [Fact]
    public async Task The_charset_and_content_type_come_from_the_header()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/latin", () => Results.Bytes([0x63, 0x61, 0x66, 0xE9], "text/html; charset=\"ISO-8859-1\"")));
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/latin"));

        Assert.Equal("ISO-8859-1", result.Charset);
        Assert.Equal("text/html", result.ContentType);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal([0x63, 0x61, 0x66, 0xE9], result.Body);
    }

    [Fact]
    public async Task An_unquoted_etag_is_kept_verbatim_and_sent_back()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/sloppy", (HttpContext context) =>
            {
                context.Response.Headers.ETag = "abc123";
                return context.Request.Headers.IfNoneMatch == "abc123"
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Text("body");
            });
        });
        await using var harness = new FetchHarness();

        var first = await harness.FetchAsync(server.Url("/sloppy"));
        var second = await harness.FetchAsync(server.Url("/sloppy"), first.ETag);

        Assert.Equal("abc123", first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
    }
}
