using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class RetryTests
{
    private static Task<LoopbackServer> ServeAsync(string path, Func<int, IResult> answer)
    {
        var calls = 0;
        return LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet(path, () => answer(Interlocked.Increment(ref calls)));
        });
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_and_then_succeeds()
    {
        await using var server = await ServeAsync("/flaky", n => n <= 2 ? Results.StatusCode(500) : Results.Text("finally"));
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/flaky"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("finally"u8.ToArray(), result.Body);
        Assert.Equal(3, server.SeenAt("/flaky").Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_status_is_retried(int status)
    {
        await using var server = await ServeAsync("/once", n => n == 1 ? Results.StatusCode(status) : Results.Text("ok"));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Politeness:CooldownBase"] = "00:00:00.050" });

        var result = await harness.FetchAsync(server.Url("/once"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task A_permanent_error_is_not_retried(int status)
    {
        await using var server = await ServeAsync("/page", _ => Results.StatusCode(status));
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(server.Url("/page"));

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith($"HTTP {status}", result.Error);
        Assert.Single(server.SeenAt("/page"));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_count_with_the_last_answer()
    {
        await using var server = await ServeAsync("/down", _ => Results.StatusCode(502));
        await using var harness = new FetchHarness(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRetries"] = "2" });

        var result = await harness.FetchAsync(server.Url("/down"));

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, server.SeenAt("/down").Count);
    }

    [Fact]
    public async Task A_slow_server_times_out_per_attempt_and_in_total()
    {
        await FetchHarness.WarmUpAsync();
        await using var slow = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return Results.Text("late");
            });
        });
        await using var harness = new FetchHarness(new Dictionary<string, string?>
        {
            // Two attempts of 0.2 s a short retry apart fit the total with room for a loaded machine (the default
            // 1 s retry delay left 0.4 s of an 0.8 s total: the second attempt sometimes never started).
            ["NewsIngest:Http:AttemptTimeout"] = "00:00:00.200",
            ["NewsIngest:Http:RetryBaseDelay"] = "00:00:00.010",
            ["NewsIngest:Http:TotalTimeout"] = "00:00:01.500",
            ["NewsIngest:Http:MaxRetries"] = "1",
        });

        var result = await harness.FetchAsync(slow.Url("/slow"));

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("timed out", result.Error);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(2), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Repeated_failures_open_the_host_circuit_and_later_requests_fail_fast()
    {
        await using var server = await ServeAsync("/broken", _ => Results.StatusCode(500));
        await using var harness = new FetchHarness(new Dictionary<string, string?>
        {
            ["NewsIngest:Http:MaxRetries"] = "1",
            ["NewsIngest:Http:BreakerMinimumThroughput"] = "3",
            ["NewsIngest:Http:BreakerFailureRatio"] = "0.5",
        });

        var first = await harness.FetchAsync(server.Url("/broken"));
        var second = await harness.FetchAsync(server.Url("/broken"));
        var seenBefore = server.SeenAt("/broken").Count;
        var third = await harness.FetchAsync(server.Url("/broken"));

        Assert.Equal(FetchOutcome.HttpError, first.Outcome);
        Assert.Equal(FetchOutcome.CircuitOpen, third.Outcome);
        Assert.Contains("circuit open", third.Error);
        Assert.Equal(0, third.Attempts);
        Assert.Equal(seenBefore, server.SeenAt("/broken").Count); // the open circuit sent nothing
        Assert.True(second.Outcome is FetchOutcome.HttpError or FetchOutcome.CircuitOpen);
    }
}
