using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Ingestion.Telemetry;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Telemetry;

/// <summary>The fetch and politeness histograms, filled by the real HTTP fetcher against a loopback server.</summary>
public sealed class FetchMetricsTests
{
    [Fact]
    public async Task The_politeness_wait_is_measured_apart_from_the_fetch_that_follows_it()
    {
        await FetchHarness.WarmUpAsync();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/story", () => Results.Text("<html><body><p>story</p></body></html>", "text/html"));
        });
        // Given a host paced at 400 ms: robots.txt goes first, so the page waits for the host's next turn.
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:MinDelay"] = "00:00:00.400" });
        using var recorder = new MeasurementRecorder(harness.Services.GetRequiredService<IMeterFactory>());

        var result = await harness.FetchAsync(server.Url("/story"));

        Assert.True(result.IsSuccess, result.Error);
        var pageWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "page");
        Assert.InRange(pageWait.Value, 0.3, 30);
        var robotsWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "robots");
        Assert.InRange(robotsWait.Value, 0, 0.3);
        var pageFetch = Assert.Single(recorder.Of(InstrumentNames.FetchDuration), m => m.Tag("kind") == "page");
        Assert.Equal("ok", pageFetch.Tag("outcome"));
        // The fetch is the request alone: it does not contain the 400 ms spent waiting before it.
        Assert.True(pageFetch.Value < result.Elapsed.TotalSeconds - 0.3, $"fetch {pageFetch.Value} s of a {result.Elapsed.TotalSeconds} s fetch");
    }
}
