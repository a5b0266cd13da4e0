using System.Collections.Concurrent;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Progress;

namespace NewsIngest.Ingestion.Telemetry;

/// <summary>Counts a pass into the meter: each page's final outcome, each discovery problem, and its frontier while it runs.</summary>
public sealed class MetricsPassObserver(NewsIngestMetrics metrics) : IPassObserver
{
    private readonly ConcurrentDictionary<IPassProgress, IDisposable> _frontiers = new(ReferenceEqualityComparer.Instance);

    public void DiscoveryProblem(string source, string problem) => metrics.DiscoveryProblem(source);

    public void PassStarted(IPassProgress pass)
    {
        if (pass.Frontier is { } frontier)
        {
            var registration = metrics.AddFrontier(frontier);
            if (!_frontiers.TryAdd(pass, registration))
            {
                registration.Dispose();
            }
        }
    }

    public void PageCompleted(IPassProgress pass, string source, PageResult result) => metrics.PageCompleted(source, result.Outcome);

    public void PassCompleted(IPassProgress pass, PassSummary summary)
    {
        if (_frontiers.TryRemove(pass, out var registration))
        {
            registration.Dispose();
        }
    }
}
