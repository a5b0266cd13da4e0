using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Workers;

/// <summary>
/// Two workers' fetchers (two service providers, as two processes have) sharing one PostgreSQL state, and a real
/// Kestrel host on loopback: robots.txt is fetched once for both, as it is within one process.
/// </summary>
public sealed class SharedRobotsVerdictsTests
{
    [Fact]
    public async Task A_host_taken_over_by_another_worker_is_not_asked_for_robots_txt_again()
    {
        // Given a host whose robots.txt keeps /private out, counting its robots.txt requests
        var robots = new RobotsCount();
        await using var server = await StartHostAsync(robots);
        await using var db = await SharedDatabase.OpenAsync();
        var state = new PostgresStateStore(db.Database);
        await using var first = Worker(state);
        await using var second = Worker(state);

        // When the first worker fetches a page of it, then the second worker (which never saw the host) two more
        Assert.Equal(FetchOutcome.Ok, (await first.FetchAsync(server.Url("/story/1"))).Outcome);
        var page = await second.FetchAsync(server.Url("/story/2"));
        var denied = await second.FetchAsync(server.Url("/private/3"));

        // Then robots.txt was fetched once, and the second worker follows the verdict the first one fetched
        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal(FetchOutcome.RobotsDenied, denied.Outcome);
        Assert.Equal(1, robots.Requests);
    }

    [Fact]
    public async Task Without_the_shared_state_each_worker_fetches_robots_txt_itself()
    {
        // The same two fetchers, not told to share: the count above is the sharing's doing
        var robots = new RobotsCount();
        await using var server = await StartHostAsync(robots);
        await using var first = new FetchHarness();
        await using var second = new FetchHarness();

        await first.FetchAsync(server.Url("/story/1"));
        await second.FetchAsync(server.Url("/story/2"));

        Assert.Equal(2, robots.Requests);
    }

    private static Task<LoopbackServer> StartHostAsync(RobotsCount robots) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () =>
        {
            robots.Add();
            return Results.Text("User-agent: *\nDisallow: /private\n");
        });
        app.MapGet("/{**path}", () => Results.Content("<html><body><p>Story.</p></body></html>", "text/html"));
    });

    private static FetchHarness Worker(PostgresStateStore state)
    {
        var harness = new FetchHarness();
        harness.Services.GetRequiredService<IPolitenessMemory>().Share(state);
        return harness;
    }

    private sealed class RobotsCount
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public void Add() => Interlocked.Increment(ref _requests);
    }
}
