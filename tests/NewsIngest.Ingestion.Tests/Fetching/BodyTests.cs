using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class BodyTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<html><body>" + string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>Paragraph {i} of the story.</p>")) + "</body></html>");

    private static byte[] Compress(string encoding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal),
            "br" => new BrotliStream(output, CompressionLevel.Optimal),
            _ => new ZLibStream(output, CompressionLevel.Optimal), // HTTP "deflate" is the zlib format
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    private static Task<LoopbackServer> ServeAsync(Action<WebApplication> map) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.NotFound());
        map(app);
    });

    [Fact]
    public async Task A_body_over_the_cap_is_cut_at_the_cap_and_reported()
    {
        var big = new byte[200 * 1024];
        Random.Shared.NextBytes(big);
        await using var server = await ServeAsync(app => app.MapGet("/big", () => Results.Bytes(big, "application/octet-stream")));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxBodyBytes"] = "65536" });

        var result = await harness.FetchAsync(server.Url("/big"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.True(result.Truncated);
        Assert.Equal(65536, result.Body.Length);
        Assert.Equal(big.AsSpan(0, 65536).ToArray(), result.Body);
    }

    [Fact]
    public async Task A_body_that_never_ends_is_cut_at_the_cap_and_the_server_let_go()
    {
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(app => app.MapGet("/endless", async (HttpContext context) =>
        {
            // Chunked and without end: only the client stopping reading ends it.
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>again</p>", 700)));
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }

            letGo.TrySetResult();
        }));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxBodyBytes"] = "65536" });

        var result = await harness.FetchAsync(server.Url("/endless"));

        Assert.Equal((FetchOutcome.Ok, true, 65536), (result.Outcome, result.Truncated, result.Body.Length));
        await letGo.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against a hang: the client closed the stream
    }

    [Fact]
    public async Task A_request_with_its_own_cap_is_read_up_to_that_cap_not_the_page_cap()
    {
        var feed = new byte[20_000];
        await using var server = await ServeAsync(app => app.MapGet("/feed.xml", () => Results.Bytes(feed, "application/rss+xml")));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxBodyBytes"] = "4096" });

        var asPage = await harness.Fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")), CancellationToken.None);
        var asFeed = await harness.Fetcher.FetchAsync(
            new FetchRequest(server.Url("/feed.xml"), Kind: ResourceKind.Feed, MaxBytes: 65536), CancellationToken.None);

        Assert.True(asPage.Truncated);
        Assert.Equal(4096, asPage.Body.Length);
        Assert.False(asFeed.Truncated);
        Assert.Equal(20_000, asFeed.Body.Length);
    }

    [Fact]
    public async Task A_body_of_exactly_the_cap_is_not_marked_truncated()
    {
        var exact = new byte[4096];
        await using var server = await ServeAsync(app => app.MapGet("/exact", () => Results.Bytes(exact, "application/octet-stream")));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxBodyBytes"] = "4096" });

        var result = await harness.FetchAsync(server.Url("/exact"));

        Assert.False(result.Truncated);
        Assert.Equal(4096, result.Body.Length);
    }

    [Fact]
    public async Task The_cap_applies_to_the_decompressed_body()
    {
        var zeros = Compress("gzip", new byte[1024 * 1024]); // 1 MiB of zeros is ~1 KiB gzipped
        await using var server = await ServeAsync(app => app.MapGet("/bomb", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(zeros, "text/html");
        }));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxBodyBytes"] = "10000" });

        var result = await harness.FetchAsync(server.Url("/bomb"));

        Assert.True(result.Truncated);
        Assert.Equal(10000, result.Body.Length);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_bodies_are_decoded(string encoding)
    {
        var compressed = Compress(encoding, Page);
        await using var server = await ServeAsync(app => app.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            return Results.Bytes(compressed, "text/html; charset=utf-8");
        }));
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/page"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(Page, result.Body);
        Assert.Contains(encoding, server.SeenAt("/page")[0].Header("Accept-Encoding"));
    }
}
