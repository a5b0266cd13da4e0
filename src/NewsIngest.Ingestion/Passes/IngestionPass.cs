using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// One pass over some sources: discover each source's URLs, then process the pages with bounded concurrency
/// (overall and per host). A failing page or source never stops the others. A stop request starts no new page and
/// gives in-flight pages <see cref="PassOptions.ShutdownGrace"/> to finish. Its progress, page results and summary go
/// to an <see cref="IPassObserver"/> (by default the log: a progress line now and then, one summary line at the end);
/// at the end, each source's share goes to <paramref name="history"/> when given (the state's <c>passes</c> table).
/// </summary>
public sealed class IngestionPass(
    IEnumerable<IArticleDiscoverer> discoverers,
    PageProcessor processor,
    PassOptions options,
    TimeProvider time,
    ILogger<IngestionPass> logger,
    IPassObserver? observer = null,
    IPassHistory? history = null)
{
    private readonly IReadOnlyList<IArticleDiscoverer> _discoverers = discoverers.ToList();
    private readonly IPassObserver _observer = observer ?? new LoggingPassObserver(options, time, logger);

    /// <summary>Runs the pass; <paramref name="stopToken"/> asks it to stop early (the summary says so).</summary>
    public async Task<PassSummary> RunAsync(IReadOnlyList<SourceOptions> sources, CancellationToken stopToken)
    {
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var problems = new List<string>();
        var work = new List<(string Source, DiscoveredUrl Page)>();
        foreach (var source in sources)
        {
            if (stopToken.IsCancellationRequested)
            {
                break;
            }

            var found = await DiscoverAsync(source, problems, stopToken);
            var pages = SourceFilter.Apply(source, found, time.GetUtcNow());
            PassLog.Discovered(logger, source.Name, pages.Count);
            work.AddRange(pages.Select(p => (source.Name, p)));
        }

        // The same article reached through several sources, feeds or sitemaps is fetched and recorded once.
        work = work.DistinctBy(w => w.Page.Url.IsFile ? w.Page.Url.AbsoluteUri : UrlCanonicalizer.Canonicalize(w.Page.Url).AbsoluteUri).ToList();

        var counters = new PassCounters(sources.Select(s => s.Name).ToList(), _observer);
        counters.AddPages(work.Count);
        _observer.PassStarted(counters);
        // In-flight pages run on their own token: it fires only ShutdownGrace after a stop request.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var onStop = stopToken.Register(() =>
        {
            PassLog.Stopping(logger, options.ShutdownGrace.TotalSeconds);
            processor.FlushWrites();
            abort.CancelAfter(options.ShutdownGrace);
        });
        var hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = abort.Token };
        try
        {
            await Parallel.ForEachAsync(work, parallel, async (item, token) =>
            {
                var gate = hosts.GetOrAdd(item.Page.Url.IsFile ? "file:" : item.Page.Url.Host, _ => new SemaphoreSlim(options.MaxConcurrencyPerHost));
                await gate.WaitAsync(token);
                try
                {
                    counters.Add(item.Source, stopToken.IsCancellationRequested
                        ? new PageResult(PageOutcome.Skipped)
                        : await ProcessSafelyAsync(item.Source, item.Page, token));
                }
                finally
                {
                    gate.Release();
                }
            });
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The grace period ran out: pages still in flight were cancelled; their state says so next time.
        }

        // Records still in the writer's queue are written now, within the same grace.
        processor.FlushWrites();
        try
        {
            await counters.WhenSettledAsync(abort.Token);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Not settled in time: counted as skipped below; the writer still finishes them before the process ends.
        }

        var interrupted = stopToken.IsCancellationRequested;
        var summary = counters.ToSummary(sources.Count, work.Count, problems, time.GetElapsedTime(started), interrupted);
        var missing = work.Count - counters.Done;
        if (missing > 0)
        {
            summary = summary with { Skipped = summary.Skipped + missing };
        }

        _observer.PassCompleted(counters, summary);
        await RecordAsync(sources, work, counters, problems, startedAt, summary, abort.Token);
        return summary;
    }

    /// <summary>Remembers each source's share of the pass; a failure to do so is logged, never the pass's failure.</summary>
    private async Task RecordAsync(
        IReadOnlyList<SourceOptions> sources, List<(string Source, DiscoveredUrl Page)> work, PassCounters counters,
        List<string> problems, DateTimeOffset startedAt, PassSummary summary, CancellationToken cancellationToken)
    {
        if (history is null)
        {
            return;
        }

        var finishedAt = time.GetUtcNow();
        var records = sources.Select(source =>
        {
            var own = counters.For(source.Name);
            var pages = work.Count(w => w.Source == source.Name);
            // Problems are "source: problem" lines (see DiscoverAsync).
            var mine = problems.Where(p => p.StartsWith(source.Name + ": ", StringComparison.Ordinal)).ToList();
            var share = own.ToSummary(1, pages, mine, summary.Duration, summary.Interrupted);
            return new PassRecord(source.Name, startedAt, finishedAt, share with { Skipped = share.Skipped + pages - own.Done });
        }).ToList();
        try
        {
            await history.RecordPassesAsync(records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            PassLog.PassNotRecorded(logger, ex.Message);
        }
    }

    private async Task<List<DiscoveredUrl>> DiscoverAsync(SourceOptions source, List<string> problems, CancellationToken stopToken)
    {
        var found = new List<DiscoveredUrl>();
        foreach (var discoverer in _discoverers)
        {
            try
            {
                var result = await discoverer.DiscoverAsync(source, stopToken);
                found.AddRange(result.Urls);
                foreach (var problem in result.Problems)
                {
                    problems.Add($"{source.Name}: {problem}");
                    PassLog.DiscoveryProblem(logger, source.Name, problem);
                    _observer.DiscoveryProblem(source.Name, problem);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopToken.IsCancellationRequested)
            {
                // A discoverer must report, not throw; if one throws anyway, that source is a problem, not a crash.
                var problem = $"{discoverer.GetType().Name} failed: {ex.Message}";
                problems.Add($"{source.Name}: {problem}");
                PassLog.DiscoveryProblem(logger, source.Name, problem);
                _observer.DiscoveryProblem(source.Name, problem);
            }
        }

        if (found.Count == 0)
        {
            PassLog.NothingDiscovered(logger, source.Name, _discoverers.Count);
        }

        return found;
    }

    private async Task<PageResult> ProcessSafelyAsync(string source, DiscoveredUrl page, CancellationToken token)
    {
        try
        {
            return await processor.ProcessAsync(source, page, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            PassLog.PageCrashed(logger, ex, page.Url.AbsoluteUri, ex.Message);
            return new PageResult(PageOutcome.Failed, Error: ex.Message);
        }
    }
}
