using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.Progress;

/// <summary>
/// Watches passes: the log lines, the metrics and the terminal's live line are observers. Called from the pass's
/// threads, often concurrently (pages finish in parallel; in <c>run</c> several passes run at once): an observer is
/// thread-safe, quick, and never throws.
/// </summary>
public interface IPassObserver
{
    /// <summary>Discovery of <paramref name="source"/> reported a problem (before the pass's pages start).</summary>
    void DiscoveryProblem(string source, string problem);

    /// <summary>The pass has its pages and starts on them.</summary>
    void PassStarted(IPassProgress pass);

    /// <summary>A page of <paramref name="source"/> has its final result (its record durable, or its failure).</summary>
    void PageCompleted(IPassProgress pass, string source, PageResult result);

    /// <summary>The pass ended (finished or stopped) with <paramref name="summary"/>.</summary>
    void PassCompleted(IPassProgress pass, PassSummary summary);
}
