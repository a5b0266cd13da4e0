using Microsoft.Extensions.Time.Testing;

namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when a timer of a given due time is armed, so a test advances the clock
/// exactly when the code under test has started waiting on it (a host gate's turn), not at a guessed moment.
/// </summary>
internal sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _sync = new();
    private readonly List<(TimeSpan Due, TaskCompletionSource Armed)> _watches = [];

    /// <summary>Completes when a timer due in exactly <paramref name="due"/> is armed (from now on).</summary>
    public Task Armed(TimeSpan due)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            _watches.Add((due, armed));
        }

        return armed.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_sync)
        {
            foreach (var watch in _watches.Where(w => w.Due == dueTime).ToList())
            {
                _watches.Remove(watch);
                watch.Armed.TrySetResult();
            }
        }

        return timer;
    }
}
