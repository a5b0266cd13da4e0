using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Tests.Frontier;

/// <summary>The frontier asks the body budget for room before it takes an item, so a page waiting for room takes no host's turn.</summary>
public sealed class FrontierAdmissionTests
{
    private const int Cap = 1000;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_page_waiting_for_room_stays_queued_and_takes_no_turn_of_its_host()
    {
        // Given room for one body at the cap, four slots, and pages of two hosts
        var budget = new BodyBudget(capacity: Cap, maxBody: Cap, startingRoom: Cap);
        var frontier = await FrontierOfAsync(budget, "https://a.test/1", "https://b.test/1");
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        budget.Queued = () => waiting.TrySetResult();
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<(string Key, int Running, int Queued)>();

        // When the first page holds its room until the second has asked for room
        var run = frontier.RunAsync(
            async (item, token) =>
            {
                lock (seen)
                {
                    seen.Add((item.Key, frontier.Running, frontier.FrontierSize));
                }

                if (item.Key == "https://a.test/1")
                {
                    await firstMayEnd.Task.WaitAsync(token);
                }
            },
            CancellationToken.None,
            CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var whileWaiting = (frontier.Running, frontier.FrontierSize, budget.Waiting);
        firstMayEnd.SetResult();
        await run;

        // Then the second page was still in the frontier, its host untaken, and started only when the room came back
        Assert.Equal((1, 1, 1), whileWaiting);
        Assert.Equal([("https://a.test/1", 1, 1), ("https://b.test/1", 1, 0)], seen);
    }

    [Fact]
    public async Task A_page_whose_body_is_read_keeps_only_its_size_and_lets_the_next_page_start()
    {
        // Given room for one and a half bodies at the cap
        var budget = new BodyBudget(capacity: Cap * 3 / 2, maxBody: Cap, startingRoom: Cap);
        var frontier = await FrontierOfAsync(budget, "https://a.test/1", "https://b.test/1");
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long heldByFirst = -1;

        // When the first page reads a body of 100 bytes and goes on (its extraction) until the second has started
        await frontier.RunAsync(
            async (item, token) =>
            {
                var lease = BodyLease.Current!;
                if (item.Key == "https://a.test/1")
                {
                    lease.Buffer(100);
                    heldByFirst = budget.Buffered;
                    lease.Settle(100);
                    await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
                }
                else
                {
                    lease.Buffer(Cap);
                    lease.Settle(Cap);
                    secondStarted.SetResult();
                }
            },
            CancellationToken.None,
            CancellationToken.None);

        // Then both were buffered at once (100 + 1000 bytes, within the 1500), and all room is back at the end
        Assert.Equal(100, heldByFirst);
        Assert.Equal((Cap + 100, 0L, 0), (budget.PeakBuffered, budget.Buffered, budget.Waiting));
    }

    private async Task<FrontierDispatcher> FrontierOfAsync(BodyBudget budget, params string[] urls)
    {
        var frontier = new FrontierDispatcher(new InMemoryFrontierStore(), pacing: null, maxConcurrency: 4, unpacedLimit: 1, _time)
        {
            Admission = budget,
        };
        foreach (var url in urls)
        {
            await frontier.AddAsync("s", new DiscoveredUrl(new Uri(url)), url, default);
        }

        frontier.CompleteAdding();
        return frontier;
    }
}
