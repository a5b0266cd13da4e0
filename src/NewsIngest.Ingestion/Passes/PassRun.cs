using System.Collections.Concurrent;
using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// What one pass tallies while it runs, whether over a frontier of its own (<c>once</c>) or one shared with other
/// passes (<c>run</c>): its sources, their pages and discovery problems, the results, the deferred hosts; and, for a
/// shared frontier, when all of its own pages are done (<see cref="Finished"/>).
/// </summary>
internal sealed class PassRun
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pagesDone;
    private bool _discovered;

    public PassRun(IReadOnlyList<SourceOptions> sources, PassCounters counters, TimeProvider time)
    {
        Sources = sources;
        Counters = counters;
        Problems = [.. sources.Select(_ => new List<string>())];
        StartedTimestamp = time.GetTimestamp();
        StartedAt = time.GetUtcNow();
    }

    public IReadOnlyList<SourceOptions> Sources { get; }

    public PassCounters Counters { get; }

    /// <summary>Discovery problems, per source in source order.</summary>
    public List<string>[] Problems { get; }

    public ConcurrentDictionary<string, int> PagesBySource { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, HostDeferral> DeferredHosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long StartedTimestamp { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes once discovery has ended and every page it queued has its result (or was deferred).</summary>
    public Task Finished => _finished.Task;

    /// <summary>
    /// True the first time this pass meets <paramref name="key"/> (a page reached through several sources, feeds or
    /// sitemaps is queued once, for the source that found it first).
    /// </summary>
    public bool Claim(string key)
    {
        lock (_claimed)
        {
            return _claimed.Add(key);
        }
    }

    /// <summary>A page of <paramref name="source"/> joined the frontier.</summary>
    public void Queued(string source)
    {
        PagesBySource.AddOrUpdate(source, 1, (_, n) => n + 1);
        Counters.AddPages(1);
    }

    /// <summary>A page's result was counted (its record may still be settling).</summary>
    public void PageDone()
    {
        Interlocked.Increment(ref _pagesDone);
        CheckFinished();
    }

    /// <summary>No more pages will be queued for this pass.</summary>
    public void DiscoveryEnded()
    {
        Volatile.Write(ref _discovered, true);
        CheckFinished();
    }

    public void NoteDeferral(string host, DateTimeOffset until, int pages) =>
        DeferredHosts.AddOrUpdate(
            host,
            new HostDeferral(host, until, pages),
            (_, had) => new HostDeferral(host, until > had.Until ? until : had.Until, had.Pages + pages));

    private void CheckFinished()
    {
        if (Volatile.Read(ref _discovered) && Volatile.Read(ref _pagesDone) >= Counters.Total)
        {
            _finished.TrySetResult();
        }
    }
}
