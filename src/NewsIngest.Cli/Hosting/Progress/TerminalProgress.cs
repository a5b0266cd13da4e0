using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;

namespace NewsIngest.Cli.Hosting.Progress;

/// <summary>
/// The live progress line of <c>once</c> on a terminal: done/total, rate, written and failures, redrawn four times a
/// second while a pass runs, removed when it ends (the summary line follows).
/// </summary>
internal sealed class TerminalProgress(ProgressLine line, TimeProvider time) : IPassObserver, IDisposable
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    private readonly Lock _sync = new();
    private ITimer? _timer;

    public void DiscoveryProblem(string source, string problem)
    {
        // The pass logs it; the log line goes above the progress line.
    }

    public void PassStarted(IPassProgress pass)
    {
        var started = time.GetTimestamp();
        void Draw() => line.Show(ProgressLine.Format(pass.Done, pass.Total, time.GetElapsedTime(started), pass.Failed, pass.Written));
        // Drawn now, not only on the timer's first tick: a short pass may end before a pool thread runs that.
        Draw();
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => Draw(), null, Redraw, Redraw);
        }
    }

    public void PageCompleted(IPassProgress pass, string source, PageResult result)
    {
    }

    public void PassCompleted(IPassProgress pass, PassSummary summary) => Dispose();

    public void Dispose()
    {
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
        }

        line.Clear();
    }
}
