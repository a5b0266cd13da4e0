using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Tests.Frontier;

public sealed class FrontierDispatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_item_that_frees_its_host_after_its_request_lets_the_hosts_next_item_start_while_it_goes_on()
    {
        // Given one host that takes one item at a time, and two of its items
        var frontier = new FrontierDispatcher(new InMemoryFrontierStore(), pacing: null, maxConcurrency: 4, unpacedLimit: 1, _time);
        await frontier.AddAsync("s", new DiscoveredUrl(new Uri("https://news.test/1")), "1", default);
        await frontier.AddAsync("s", new DiscoveredUrl(new Uri("https://news.test/2")), "2", default);
        frontier.CompleteAdding();
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new ConcurrentQueue<string>();

        // When the first frees the host after its "request" and then waits for the second to start (its extraction)
        await frontier.RunAsync(
            async (item, hostDone, token) =>
            {
                events.Enqueue($"start {item.Key}");
                if (item.Key == "1")
                {
                    hostDone();
                    // Only a guard against a hang: a correct dispatcher starts the second item at once.
                    await Task.WhenAny(secondStarted.Task, Task.Delay(TimeSpan.FromSeconds(30), token));
                }
                else
                {
                    secondStarted.TrySetResult();
                }

                events.Enqueue($"end {item.Key}");
            },
            CancellationToken.None,
            CancellationToken.None);

        // Then the second started before the first ended
        Assert.Equal(["start 1", "start 2", "end 2", "end 1"], events);
    }

    [Fact]
    public async Task No_more_than_MaxConcurrency_items_run_at_once()
    {
        var frontier = new FrontierDispatcher(new InMemoryFrontierStore(), pacing: null, maxConcurrency: 3, unpacedLimit: 64, _time);
        for (var i = 0; i < 20; i++)
        {
            await frontier.AddAsync("s", new DiscoveredUrl(new Uri($"https://h{i % 5}.test/{i}")), $"{i}", default);
        }

        frontier.CompleteAdding();
        var running = 0;
        var most = 0;
        var done = 0;
        await frontier.RunAsync(
            async (_, token) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref running);
                Interlocked.Increment(ref done);
            },
            CancellationToken.None,
            CancellationToken.None);

        Assert.Equal(20, done);
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public async Task A_stop_starts_nothing_more_and_waits_for_what_is_in_flight()
    {
        var frontier = new FrontierDispatcher(new InMemoryFrontierStore(), pacing: null, maxConcurrency: 1, unpacedLimit: 1, _time);
        await frontier.AddAsync("s", new DiscoveredUrl(new Uri("https://news.test/1")), "1", default);
        await frontier.AddAsync("s", new DiscoveredUrl(new Uri("https://news.test/2")), "2", default);
        using var stop = new CancellationTokenSource();
        var started = new List<string>();

        await frontier.RunAsync(
            async (item, token) =>
            {
                started.Add(item.Key);
                await stop.CancelAsync();
            },
            stop.Token,
            CancellationToken.None);

        Assert.Equal(["1"], started);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
