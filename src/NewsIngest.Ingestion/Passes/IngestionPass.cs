using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// One pass over some sources. Sources are discovered concurrently (<see cref="PassOptions.MaxDiscoveryConcurrency"/>)
/// and each source's pages join a host-aware frontier as soon as it is read; the frontier starts the page whose host
/// is free first whenever fewer than <see cref="PassOptions.MaxConcurrency"/> are in flight, so a slow or cooling-down
/// host delays only itself. A failing page or source never stops the others. A stop request starts no new page and
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
    IPassHistory? history = null,
    IHostPacing? pacing = null,
    Func<IFrontierStore>? frontierStore = null)
{
    private readonly IReadOnlyList<IArticleDiscoverer> _discoverers = discoverers.ToList();
    private readonly IPassObserver _observer = observer ?? new LoggingPassObserver(options, time, logger);

    /// <summary>Handed to each pass's <see cref="FrontierDispatcher.Idle"/> (tests on a fake clock).</summary>
    internal Action<DateTimeOffset>? FrontierIdle { get; set; }

    /// <summary>Runs the pass; <paramref name="stopToken"/> asks it to stop early (the summary says so).</summary>
    public async Task<PassSummary> RunAsync(IReadOnlyList<SourceOptions> sources, CancellationToken stopToken)
    {
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var problems = sources.Select(_ => new List<string>()).ToArray();
        var pagesBySource = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var deferredHosts = new ConcurrentDictionary<string, HostDeferral>(StringComparer.OrdinalIgnoreCase);
        PassCounters counters = null!;
        var frontier = new FrontierDispatcher(
            frontierStore?.Invoke() ?? new InMemoryFrontierStore(), pacing, options.MaxConcurrency, options.MaxConcurrencyPerHost, time,
            options.MaxHostWait)
        {
            Idle = FrontierIdle,
            Deferred = (deferral, token) => DeferAsync(deferral, counters, deferredHosts, token),
        };
        counters = new PassCounters(sources.Select(s => s.Name).ToList(), _observer) { Frontier = frontier };

        _observer.PassStarted(counters);
        // In-flight pages run on their own token: it fires only ShutdownGrace after a stop request.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var onStop = stopToken.Register(() =>
        {
            PassLog.Stopping(logger, options.ShutdownGrace.TotalSeconds);
            processor.FlushWrites();
            abort.CancelAfter(options.ShutdownGrace);
        });

        var discovery = DiscoverAllAsync(sources, frontier, problems, source =>
        {
            pagesBySource.AddOrUpdate(source, 1, (_, n) => n + 1);
            counters.AddPages(1);
        }, stopToken);
        try
        {
            await frontier.RunAsync(
                async (item, fetched, token) =>
                {
                    var result = await ProcessSafelyAsync(item.Source, item.Page, fetched, token);
                    if (result.DeferredUntil is { } until)
                    {
                        NoteDeferral(deferredHosts, item.Host, until, 1);
                    }

                    counters.Add(item.Source, result);
                },
                stopToken,
                abort.Token);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The grace period ran out: pages still in flight were cancelled; their state says so next time.
        }

        await discovery;

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
        var found = counters.Total;
        var allProblems = problems.SelectMany(p => p).ToList();
        var summary = counters.ToSummary(sources.Count, found, allProblems, time.GetElapsedTime(started), interrupted) with
        {
            DeferredHosts = [.. deferredHosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal)],
        };
        var missing = found - counters.Done;
        if (missing > 0)
        {
            summary = summary with { Skipped = summary.Skipped + missing };
        }

        _observer.PassCompleted(counters, summary);
        // Not on the abort token: an interrupted pass is exactly the one status must show (one small local write).
        await RecordAsync(sources, pagesBySource, counters, allProblems, startedAt, summary, CancellationToken.None);
        return summary;
    }

    /// <summary>
    /// Reads the sources, several at once, and queues each one's pages as soon as it is read. The same article
    /// reached through several sources, feeds or sitemaps is queued (fetched and recorded) once, for the source that
    /// found it first. Problems are kept per source, so the summary lists them in source order.
    /// </summary>
    private async Task DiscoverAllAsync(
        IReadOnlyList<SourceOptions> sources, FrontierDispatcher frontier, List<string>[] problems, Action<string> queued, CancellationToken stopToken)
    {
        await Task.Yield(); // the frontier starts dispatching while the first source is read
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDiscoveryConcurrency, CancellationToken = stopToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (index, token) =>
            {
                var source = sources[index];
                var found = await DiscoverAsync(source, problems[index], token);
                var selected = SourceFilter.Apply(source, found, time.GetUtcNow());
                PassLog.Discovered(logger, source.Name, selected.Count);
                foreach (var page in selected)
                {
                    var key = page.Url.IsFile ? page.Url.AbsoluteUri : UrlCanonicalizer.Canonicalize(page.Url).AbsoluteUri;
                    if (await frontier.AddAsync(source.Name, page, key, token))
                    {
                        queued(source.Name);
                    }
                }
            });
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            // Asked to stop: sources not read yet are left for the next pass.
        }
        finally
        {
            frontier.CompleteAdding();
        }
    }

    /// <summary>
    /// Records the pages of a host whose turn lies beyond <see cref="PassOptions.MaxHostWait"/> as deferred to the next
    /// pass, in one state transaction, and counts them; a state that cannot be written leaves them as they were.
    /// </summary>
    private async Task DeferAsync(
        FrontierDeferral deferral, PassCounters counters, ConcurrentDictionary<string, HostDeferral> hosts, CancellationToken token)
    {
        var reason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{deferral.Host} is cooling down until {deferral.Until:u}, beyond Pass:MaxHostWait ({options.MaxHostWait})");
        try
        {
            await processor.DeferAsync([.. deferral.Items.Select(i => (i.Source, i.Page))], reason, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PassLog.PageFailed(logger, deferral.Host, $"deferral not recorded: {ex.Message}");
        }

        PassLog.HostDeferred(logger, deferral.Items.Count, deferral.Host, deferral.Until);
        NoteDeferral(hosts, deferral.Host, deferral.Until, deferral.Items.Count);
        foreach (var item in deferral.Items)
        {
            counters.Add(item.Source, new PageResult(PageOutcome.Deferred, Error: reason) { DeferredUntil = deferral.Until });
        }
    }

    private static void NoteDeferral(ConcurrentDictionary<string, HostDeferral> hosts, string host, DateTimeOffset until, int pages) =>
        hosts.AddOrUpdate(
            host,
            new HostDeferral(host, until, pages),
            (_, had) => new HostDeferral(host, until > had.Until ? until : had.Until, had.Pages + pages));

    /// <summary>Remembers each source's share of the pass; a failure to do so is logged, never the pass's failure.</summary>
    private async Task RecordAsync(
        IReadOnlyList<SourceOptions> sources, ConcurrentDictionary<string, int> pagesBySource, PassCounters counters,
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
            var pages = pagesBySource.GetValueOrDefault(source.Name);
            // Problems are "source: problem" lines (see DiscoverAsync).
            var mine = problems.Where(p => p.StartsWith(source.Name + ": ", StringComparison.Ordinal)).ToList();
            var share = own.ToSummary(1, pages, mine, summary.Duration, summary.Interrupted);
            return new PassRecord(source.Name, startedAt, finishedAt, share with { Skipped = share.Skipped + pages - own.Done });
        }).ToList();
        try
        {
            await history.RecordPassesAsync(records, cancellationToken);
        }
        catch (Exception ex)
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

    private async Task<PageResult> ProcessSafelyAsync(string source, DiscoveredUrl page, Action fetched, CancellationToken token)
    {
        try
        {
            return await processor.ProcessAsync(source, page, fetched, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            PassLog.PageCrashed(logger, ex, page.Url.AbsoluteUri, ex.Message);
            return new PageResult(PageOutcome.Failed, Error: ex.Message);
        }
    }
}
