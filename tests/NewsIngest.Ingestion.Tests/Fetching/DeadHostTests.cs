using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class DeadHostTests
{
    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, read, released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_dead_host_fails_fast_with_a_network_error_and_other_hosts_carry_on()
    {
        await FetchHarness.WarmUpAsync();
        await using var alive = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/{**path}", () => Results.Text("alive"));
        });
        await using var harness = new FetchHarness();
        var dead = new Uri($"http://127.0.0.1:{ClosedPort()}/story");

        var deadFetch = harness.FetchAsync(dead);
        var aliveResults = await Task.WhenAll(harness.FetchAsync(alive.Url("/a")), harness.FetchAsync(alive.Url("/b")));
        var deadResult = await deadFetch;
        var again = await harness.FetchAsync(new Uri(dead, "/other"));

        Assert.All(aliveResults, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(FetchOutcome.NetworkError, deadResult.Outcome);
        Assert.Contains("refused", deadResult.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', deadResult.Error!);
        Assert.True(deadResult.Elapsed < TimeSpan.FromSeconds(2), $"took {deadResult.Elapsed}");
        Assert.Equal(FetchOutcome.NetworkError, again.Outcome); // the unreachable verdict is cached
        Assert.True(again.Elapsed < TimeSpan.FromMilliseconds(500), $"took {again.Elapsed}");
    }

    [Fact]
    public async Task A_non_http_url_is_unsupported()
    {
        await using var harness = new FetchHarness();

        var result = await harness.FetchAsync(new Uri("ftp://127.0.0.1/file.html"));

        Assert.Equal(FetchOutcome.Unsupported, result.Outcome);
        Assert.Contains("only http and https", result.Error);
    }

    [Fact]
    public async Task Cancellation_throws_instead_of_returning_a_result()
    {
        await using var slow = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return Results.Text("late");
            });
        });
        await using var harness = new FetchHarness();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Fetcher.FetchAsync(new FetchRequest(slow.Url("/slow")), cts.Token));
    }
}
