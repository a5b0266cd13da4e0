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
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/story", () => Results.Text("<html><body><p>story</p></body></html>", "text/html"));
        });
        // Given a host paced at 1 s on a clock that moves only when the test moves it: robots.txt goes first (at no
        // cost in time), so the page waits a whole second for the host's next turn.
        var clock = new TimerWatchingClock(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:MinDelay"] = "00:00:01" }, clock);
        using var recorder = new MeasurementRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        var pageWaiting = clock.Armed(TimeSpan.FromSeconds(1));

        var fetch = harness.FetchAsync(server.Url("/story"));
        await pageWaiting;
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await fetch;

        Assert.True(result.IsSuccess, result.Error);
        var robotsWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "robots");
        var robotsFetch = Assert.Single(recorder.Of(InstrumentNames.FetchDuration), m => m.Tag("kind") == "robots");
        var pageWait = Assert.Single(recorder.Of(InstrumentNames.PolitenessWait), m => m.Tag("kind") == "page");
        var pageFetch = Assert.Single(recorder.Of(InstrumentNames.FetchDuration), m => m.Tag("kind") == "page");
        Assert.Equal(("ok", "ok"), (robotsFetch.Tag("outcome"), pageFetch.Tag("outcome")));
        // The first request to a host does not wait; the page waits its whole turn, and neither fetch counts the wait:
        // the second the clock moved is the page's wait alone, and the whole fetch is exactly that second.
        Assert.Equal((0.0, 0.0, 1.0, 0.0), (robotsWait.Value, robotsFetch.Value, pageWait.Value, pageFetch.Value));
        Assert.Equal(TimeSpan.FromSeconds(1), result.Elapsed);
    }
}
