using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Scheduling;

namespace NewsIngest.Ingestion.Tests.Scheduling;

public sealed class ScheduledLoopTests
{
    [Fact]
    public async Task Runs_at_start_then_at_every_occurrence_until_stopped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        Schedule.TryParse("*/15 * * * *", TimeZoneInfo.Utc, out var schedule, out _);
        var runs = new List<DateTimeOffset>();
        var ran = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var loop = new ScheduledLoop(schedule!, time, runOnStart: true).RunAsync(_ =>
        {
            runs.Add(time.GetUtcNow());
            ran.Release();
            return Task.CompletedTask;
        }, stop.Token);

        Assert.True(await ran.WaitAsync(TimeSpan.FromSeconds(5)));
        await AdvanceUntilRunAsync(time, ran);
        await AdvanceUntilRunAsync(time, ran);

        await stop.CancelAsync();
        Assert.Equal(3, await loop);
        Assert.Equal(
            [new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), new(2026, 11, 28, 12, 15, 0, TimeSpan.Zero), new(2026, 11, 28, 12, 30, 0, TimeSpan.Zero)],
            runs);
    }

    [Fact]
    public async Task A_run_that_overshoots_its_slot_is_not_overlapped_and_the_missed_slot_is_skipped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        Schedule.TryParse("*/10 * * * *", TimeZoneInfo.Utc, out var schedule, out _);
        var active = 0;
        var maxActive = 0;
        var starts = new List<int>();
        var ran = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var loop = new ScheduledLoop(schedule!, time, runOnStart: true).RunAsync(_ =>
        {
            maxActive = Math.Max(maxActive, Interlocked.Increment(ref active));
            starts.Add(time.GetUtcNow().Minute);
            // The first run takes 25 minutes of (fake) time: the 12:10 and 12:20 slots pass while it works.
            if (starts.Count == 1)
            {
                time.Advance(TimeSpan.FromMinutes(25));
            }

            Interlocked.Decrement(ref active);
            ran.Release();
            return Task.CompletedTask;
        }, stop.Token);

        Assert.True(await ran.WaitAsync(TimeSpan.FromSeconds(5)));
        await AdvanceUntilRunAsync(time, ran);
        await stop.CancelAsync();
        await loop;

        Assert.Equal([0, 30], starts);
        Assert.Equal(1, maxActive);
    }

    /// <summary>Moves fake time on a minute at a time until the loop's next run has happened.</summary>
    private static async Task AdvanceUntilRunAsync(FakeTimeProvider time, SemaphoreSlim ran)
    {
        for (var minute = 0; minute < 120; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            if (await ran.WaitAsync(TimeSpan.FromMilliseconds(20)))
            {
                return;
            }
        }

        Assert.Fail("the loop did not run within two hours of fake time");
    }
}
