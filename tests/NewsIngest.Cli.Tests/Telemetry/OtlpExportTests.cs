using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Cli.Tests.Telemetry;

public sealed class OtlpExportTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(3);

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Once_pushes_its_page_counters_to_an_otlp_collector_when_it_ends()
    {
        // A collector stand-in: takes OTLP/HTTP protobuf posts and keeps their bodies.
        var posts = new List<(string Path, byte[] Body)>();
        var (app, collector) = await LoopbackKestrel.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            lock (posts)
            {
                posts.Add((context.Request.Path.Value ?? "", body.ToArray()));
            }

            context.Response.ContentType = "application/x-protobuf";
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await using (app)
        {
            _work.WithConfig(extra: $$""", "Metrics": { "OtlpEndpoint": "{{collector}}", "OtlpProtocol": "HttpProtobuf", "OtlpExportInterval": "00:10:00" }""");

            var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));

            Assert.True(result.ExitCode == 0, result.ToString());
        }

        // The export interval is ten minutes: what arrived was pushed at exit. Protobuf keeps names as UTF-8 bytes.
        var post = Assert.Single(posts);
        Assert.Equal("/v1/metrics", post.Path);
        var text = Encoding.UTF8.GetString(post.Body);
        Assert.Contains("newsingest.pages", text, StringComparison.Ordinal);
        Assert.Contains("newsingest.records.written", text, StringComparison.Ordinal);
        Assert.Contains("service.name", text, StringComparison.Ordinal);
    }
}
