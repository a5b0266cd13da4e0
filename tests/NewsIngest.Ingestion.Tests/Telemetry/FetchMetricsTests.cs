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
        // Given a host paced at 1 s: robots.txt goes first, so the page waits for the host's next turn.
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:MinDelay"] = "00:00:01" });
        using var recorder = new MeasurementRecorder(harness.Services.GetRequiredService<IMeterFactory>());

        var result = await harness.FetchAsync(server.Url("/story"));

        Assert.True(result.IsSuccess, result.Error);
        var robotsWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "robots");
        var robotsFetch = Assert.Single(recorder.Of(InstrumentNames.FetchDuration), m => m.Tag("kind") == "robots");
        var pageWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "page");
        var pageFetch = Assert.Single(recorder.Of(InstrumentNames.FetchDuration), m => m.Tag("kind") == "page");
        Assert.Equal(("ok", "ok"), (robotsFetch.Tag("outcome"), pageFetch.Tag("outcome")));
        // The first request to a host does not wait; the page waits out the rest of the second after robots.txt.
        Assert.True(robotsWait.Value < pageWait.Value, $"robots waited {robotsWait.Value} s, the page {pageWait.Value} s");
        Assert.InRange(pageWait.Value, 0.2, 1.05);
        // Wait and fetch are disjoint parts of the whole fetch: had the fetch included the wait, they would add up to more.
        Assert.True(robotsWait.Value + robotsFetch.Value + pageWait.Value + pageFetch.Value <= result.Elapsed.TotalSeconds,
            $"waits {robotsWait.Value} + {pageWait.Value} s and fetches {robotsFetch.Value} + {pageFetch.Value} s in a {result.Elapsed.TotalSeconds} s fetch");
    }
}
