using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class HostCooldownTests
{
    private static Task<LoopbackServer> ServeQuickAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.NotFound());
        app.MapGet("/{**path}", () => Results.Text("quick"));
    });

    private static Task<LoopbackServer> ServeBusyOnceAsync(string retryAfter)
    {
        var calls = 0;
        return LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/busy", (HttpContext context) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                    return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                }

                return Results.Text("served");
            });
            app.MapGet("/next", () => Results.Text("next"));
        });
    }

    [Fact]
    public async Task A_429_with_retry_after_slows_that_host_only()
    {
        await FetchHarness.WarmUpAsync();
        await using var busy = await ServeBusyOnceAsync("1");
        await using var other = await ServeQuickAsync();
        await using var harness = new FetchHarness();
        await harness.Robots.CheckAsync(other.Url("/"), CancellationToken.None); // robots.txt out of the way

        var busyFetch = harness.FetchAsync(busy.Url("/busy"));
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var otherStarted = LoopbackServer.Now;
        var otherResults = new List<FetchResult>();
        for (var i = 0; i < 3; i++)
        {
            otherResults.Add(await harness.FetchAsync(other.Url($"/story/{i}")));
        }

        var otherTook = LoopbackServer.Now - otherStarted;
        var busyResult = await busyFetch;

        Assert.All(otherResults, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(FetchOutcome.Ok, busyResult.Outcome);
        Assert.Equal(2, busyResult.Attempts);
        var attempts = busy.SeenAt("/busy");

        // The other host was served while the busy one was still cooling down.
        var lastOther = other.Seen.Where(r => r.PathAndQuery.StartsWith("/story/", StringComparison.Ordinal)).Max(r => r.At);
        Assert.True(lastOther < attempts[1].At, $"the other host took {otherTook.TotalMilliseconds} ms, past the busy host's retry");
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_429_cools_the_host_down_for_its_later_requests_too()
    {
        await using var busy = await ServeBusyOnceAsync("1");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRetries"] = "0" });

        var refused = await harness.FetchAsync(busy.Url("/busy"));
        var next = await harness.FetchAsync(busy.Url("/next"));

        Assert.Equal(FetchOutcome.HttpError, refused.Outcome);
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(FetchOutcome.Ok, next.Outcome);
        var gap = busy.SeenAt("/next")[0].At - busy.SeenAt("/busy")[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"next request after {gap.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_http_date_retry_after_is_honoured()
    {
        // Far enough ahead that a slow server start-up on a loaded machine still leaves a wait of over a second.
        var date = DateTimeOffset.UtcNow.AddSeconds(4).ToString("R");
        await using var busy = await ServeBusyOnceAsync(date);
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRetries"] = "0" });

        await harness.FetchAsync(busy.Url("/busy"));
        await harness.FetchAsync(busy.Url("/next"));

        // HTTP dates have whole seconds: the wait is at least 3 s minus the time spent starting up.
        var gap = busy.SeenAt("/next")[0].At - busy.SeenAt("/busy")[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"next request after {gap.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_cut_to_the_cap()
    {
        await FetchHarness.WarmUpAsync();
        await using var busy = await ServeBusyOnceAsync("3600");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRetryAfter"] = "00:00:00.300" });

        var result = await harness.FetchAsync(busy.Url("/busy"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(2), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_request_budget_returns_the_429_at_once()
    {
        await FetchHarness.WarmUpAsync();
        await using var busy = await ServeBusyOnceAsync("30");
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:TotalTimeout"] = "00:00:20" });

        var result = await harness.FetchAsync(busy.Url("/busy"));

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}"); // neither 30 s nor the 20 s budget
    }
}
