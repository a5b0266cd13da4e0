using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.Progress;

/// <summary>
/// The plain log lines of a pass: a progress line every <see cref="PassOptions.ProgressInterval"/> while it runs,
/// and the summary line at its end. The default observer; <c>once</c> on a terminal shows a live line instead.
/// </summary>
public sealed class LoggingPassObserver(PassOptions options, TimeProvider time, ILogger<IngestionPass> logger) : IPassObserver
{
    private readonly ConcurrentDictionary<IPassProgress, ITimer> _timers = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the summary is logged at the end of a pass (off when the caller prints it to the same terminal).</summary>
    public bool LogsSummary { get; init; } = true;

    /// <summary>Whether the periodic progress lines are logged.</summary>
    public bool LogsProgress { get; init; } = true;

    public void DiscoveryProblem(string source, string problem)
    {
        // Logged by the pass itself, with the source: nothing to add.
    }

    public void PassStarted(IPassProgress pass)
    {
        if (!LogsProgress)
        {
            return;
        }

        var timer = time.CreateTimer(
            _ => PassLog.Progress(logger, pass.Done, pass.Total, pass.Written, pass.Failed),
            null, options.ProgressInterval, options.ProgressInterval);
        if (!_timers.TryAdd(pass, timer))
        {
            timer.Dispose();
        }
    }

    public void PageCompleted(IPassProgress pass, string source, PageResult result)
    {
    }

    public void PassCompleted(IPassProgress pass, PassSummary summary)
    {
        if (_timers.TryRemove(pass, out var timer))
        {
            timer.Dispose();
        }

        if (LogsSummary)
        {
            PassLog.Summary(logger, summary.ToLine());
        }
    }
}
