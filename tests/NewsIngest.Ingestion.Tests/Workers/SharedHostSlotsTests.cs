using Microsoft.Extensions.Logging.Abstractions;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

/// <summary>A worker's request leaves no earlier than the slot the shared database gave it.</summary>
public sealed class SharedHostSlotsTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_request_waits_out_its_whole_slot_even_when_the_timer_fires_early()
    {
        // .NET's timers count whole milliseconds, so a wait may end up to a millisecond before its span; found by
        // WorkerFailoverTests as a page 999.8 ms after another worker's feed. Timers 50 ms early make it plain.
        await using var db = await SharedDatabase.OpenAsync();
        var time = new EarlyTimers(TimeSpan.FromMilliseconds(50));
        var slots = new SharedHostSlots(time);
        slots.Attach(new HostLeases(db.DataSource, "w1", TimeSpan.FromSeconds(30)), new LeaseBook(), new DatabaseRetry(time, NullLogger.Instance));
        var url = new Uri("http://127.0.0.1:9/a/1");
        var first = await slots.WaitAsync(url, Spacing, CancellationToken.None);

        var ending = time.GetTimestamp();
        await slots.EndAsync(url, Spacing, first!.Value);
        await slots.WaitAsync(url, Spacing, CancellationToken.None);
        var gap = time.GetElapsedTime(ending);

        Assert.True(gap >= Spacing, $"the next request could leave {gap.TotalMilliseconds:0.0} ms after the last one ended, with a spacing of {Spacing.TotalMilliseconds} ms");
    }

    /// <summary>The system clock, with every timer firing <paramref name="early"/> before it is due.</summary>
    private sealed class EarlyTimers(TimeSpan early) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, Earlier(dueTime), period);

        private TimeSpan Earlier(TimeSpan due) =>
            due == Timeout.InfiniteTimeSpan ? due : due > early ? due - early : TimeSpan.Zero;
    }
}
