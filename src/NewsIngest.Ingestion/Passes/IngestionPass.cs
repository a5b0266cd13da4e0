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
/// <c>once</c> runs a pass over a frontier of its own; <c>run</c> runs its passes over one <see cref="SharedFrontier"/>.
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
    Func<IFrontierStore>? frontierStore = null,
    IFrontierAdmission? admission = null)
{
    private readonly IReadOnlyList<IArticleDiscoverer> _discoverers = discoverers.ToList();
    private readonly IPassObserver _observer = observer ?? new LoggingPassObserver(options, time, logger);

    /// <summary>
    /// The token of a host's lease (several workers): it fires the moment the lease is found lost, and the host's page
    /// in flight stops there, left in the shared frontier for the host's new holder. Null: pages stop only with the pass.
    /// </summary>
    public Func<string, CancellationToken>? HostToken { get; init; }

    /// <summary>Handed to each pass's <see cref="FrontierDispatcher.Idle"/> (tests on a fake clock).</summary>
    internal Action<DateTimeOffset>? FrontierIdle { get; set; }

    /// <summary>Runs the pass over a frontier of its own; <paramref name="stopToken"/> asks it to stop early (the summary says so).</summary>
    public async Task<PassSummary> RunAsync(IReadOnlyList<SourceOptions> sources, CancellationToken stopToken)
    {
        PassRun run = null!;
        var frontier = NewDispatcher((deferral, token) => DeferAsync(run, deferral, token), continuous: false);
        run = NewRun(sources, frontier);

        _observer.PassStarted(run.Counters);
        // In-flight pages run on their own token: it fires only ShutdownGrace after a stop request.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var onStop = stopToken.Register(() => Stopping(abort));

        var discovery = DiscoverAllAsync(run, frontier, stopToken);
        try
        {
            await frontier.RunAsync((item, fetched, token) => ProcessAsync(run, item, fetched, token), stopToken, abort.Token);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The grace period ran out: pages still in flight were cancelled; their state says so next time.
        }

        await discovery;
        return await FinishAsync(run, stopToken, abort.Token);
    }

    /// <summary>
    /// Runs the pass over <paramref name="frontier"/>, shared with other passes (<c>run</c>): its pages join the frontier
    /// as its sources are read, and the pass ends when its own pages are done, whatever the other passes still wait for.
    /// <paramref name="read"/>, when given, is told once every source has been read (not when a stop cut the reading).
    /// </summary>
    public async Task<PassSummary> RunAsync(
        IReadOnlyList<SourceOptions> sources, SharedFrontier frontier, CancellationToken stopToken, Func<CancellationToken, Task>? read = null)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        var run = NewRun(sources, frontier.Dispatcher);
        frontier.Attach(run);
        try
        {
            _observer.PassStarted(run.Counters);
            await DiscoverAllAsync(run, frontier.Dispatcher, stopToken);
            if (read is not null && !stopToken.IsCancellationRequested)
            {
                await read(stopToken);
            }

            using var drained = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
            var elsewhere = frontier.Store is ISharedFrontierStore shared
                ? shared.WaitDrainedAsync([.. sources.Select(s => s.Name)], drained.Token)
                : Task.Delay(Timeout.Infinite, drained.Token);
            var first = await Task.WhenAny(run.Finished, frontier.Stopped, elsewhere);
            await drained.CancelAsync();
            return await FinishAsync(run, stopToken, frontier.WorkToken, doneElsewhere: first == elsewhere && !elsewhere.IsCanceled);
        }
        finally
        {
            frontier.Detach(run);
        }
    }

    /// <summary>
    /// Starts one frontier for many passes (<c>run</c>): it dispatches until <paramref name="stopToken"/> fires or it is
    /// disposed; hand it to <see cref="RunAsync(IReadOnlyList{SourceOptions}, SharedFrontier, CancellationToken, Func{CancellationToken, Task})"/>.
    /// </summary>
    public SharedFrontier Share(CancellationToken stopToken) => new(
        deferred => NewDispatcher(deferred, continuous: true),
        ProcessAsync,
        DeferAsync,
        async (item, fetched, token) => await ProcessLeasedAsync(item, fetched, token),
        time,
        Stopping,
        stopToken);

    private FrontierDispatcher NewDispatcher(Func<FrontierDeferral, CancellationToken, Task> deferred, bool continuous) => new(
        frontierStore?.Invoke() ?? new InMemoryFrontierStore(), pacing, options.MaxConcurrency, options.MaxConcurrencyPerHost, time,
        options.MaxHostWait)
    {
        Idle = FrontierIdle,
        Deferred = deferred,
        Admission = admission,
        Continuous = continuous,
    };

    private PassRun NewRun(IReadOnlyList<SourceOptions> sources, FrontierDispatcher frontier) =>
        new(sources, new PassCounters([.. sources.Select(s => s.Name)], _observer) { Frontier = frontier }, time);

    /// <summary>A stop request: start nothing more, write what is queued, give the pages in flight their grace.</summary>
    private void Stopping(CancellationTokenSource abort)
    {
        PassLog.Stopping(logger, options.ShutdownGrace.TotalSeconds);
        processor.FlushWrites();
        abort.CancelAfter(options.ShutdownGrace);
    }

    private async Task ProcessAsync(PassRun run, FrontierItem item, Action fetched, CancellationToken token)
    {
        var result = await ProcessLeasedAsync(item, fetched, token);
        if (result.DeferredUntil is { } until)
        {
            run.NoteDeferral(item.Host, until, 1);
        }

        run.Counters.Add(item.Source, result);
        run.PageDone();
    }

    /// <summary>The end of a pass: its records written (within the grace after a stop), its summary told and kept.</summary>
    private async Task<PassSummary> FinishAsync(PassRun run, CancellationToken stopToken, CancellationToken abortToken, bool doneElsewhere = false)
    {
        var counters = run.Counters;
        // Records still in the writer's queue are written now, within the same grace.
        processor.FlushWrites();
        try
        {
            await counters.WhenSettledAsync(abortToken);
        }
        catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
        {
            // Not settled in time: counted as skipped below; the writer still finishes them before the process ends.
        }

        var interrupted = stopToken.IsCancellationRequested;
        var found = counters.Total;
        var allProblems = run.Problems.SelectMany(p => p).ToList();
        var summary = counters.ToSummary(run.Sources.Count, found, allProblems, time.GetElapsedTime(run.StartedTimestamp), interrupted) with
        {
            DeferredHosts = [.. run.DeferredHosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal)],
        };
        // Pages of a shared frontier another worker did are in that worker's summary, not skipped here.
        var missing = doneElsewhere ? 0 : found - counters.Done;
        if (missing > 0)
        {
            summary = summary with { Skipped = summary.Skipped + missing };
        }

        _observer.PassCompleted(counters, summary);
        // Not on the abort token: an interrupted pass is exactly the one status must show (one small local write).
        await RecordAsync(run, allProblems, summary, CancellationToken.None);
        return summary;
    }

    /// <summary>
    /// Reads the sources, several at once, and queues each one's pages as soon as it is read. The same article
    /// reached through several sources, feeds or sitemaps is queued (fetched and recorded) once, for the source that
    /// found it first (on a shared frontier: for the pass that queued it first). Problems are kept per source, so the
    /// summary lists them in source order.
    /// </summary>
    private async Task DiscoverAllAsync(PassRun run, FrontierDispatcher frontier, CancellationToken stopToken)
    {
        await Task.Yield(); // the frontier starts dispatching while the first source is read
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDiscoveryConcurrency, CancellationToken = stopToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, run.Sources.Count), parallel, async (index, token) =>
            {
                var source = run.Sources[index];
                var found = await DiscoverAsync(source, run.Problems[index], token);
                var selected = SourceFilter.Apply(source, found, time.GetUtcNow());
                PassLog.Discovered(logger, source.Name, selected.Count);
                foreach (var page in selected)
                {
                    var key = page.Url.IsFile ? page.Url.AbsoluteUri : UrlCanonicalizer.Canonicalize(page.Url).AbsoluteUri;
                    if (run.Claim(key) && await frontier.AddAsync(source.Name, page, key, token))
                    {
                        run.Queued(source.Name);
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
            run.DiscoveryEnded();
            if (!frontier.Continuous)
            {
                frontier.CompleteAdding();
            }
        }
    }

    /// <summary>
    /// Records the pages of a host whose turn lies beyond <see cref="PassOptions.MaxHostWait"/> as deferred to the next
    /// pass, in one state transaction, and counts them; a state that cannot be written leaves them as they were.
    /// </summary>
    private async Task DeferAsync(PassRun run, FrontierDeferral deferral, CancellationToken token)
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
        run.NoteDeferral(deferral.Host, deferral.Until, deferral.Items.Count);
        foreach (var item in deferral.Items)
        {
            run.Counters.Add(item.Source, new PageResult(PageOutcome.Deferred, Error: reason) { DeferredUntil = deferral.Until });
            run.PageDone();
        }
    }

    /// <summary>Remembers each source's share of the pass; a failure to do so is logged, never the pass's failure.</summary>
    private async Task RecordAsync(PassRun run, List<string> problems, PassSummary summary, CancellationToken cancellationToken)
    {
        var (sources, pagesBySource, counters, startedAt) = (run.Sources, run.PagesBySource, run.Counters, run.StartedAt);
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
                    if (DiscoveryWarning.Is(problem))
                    {
                        PassLog.DiscoveryWarning(logger, source.Name, DiscoveryWarning.Unmarked(problem));
                    }
                    else
                    {
                        PassLog.DiscoveryProblem(logger, source.Name, problem);
                    }

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

    /// <summary>The page under its host's lease token, when there is one: a lost lease ends it as deferred, not failed.</summary>
    private async Task<PageResult> ProcessLeasedAsync(FrontierItem item, Action fetched, CancellationToken token)
    {
        if (HostToken is not { } of)
        {
            return await ProcessSafelyAsync(item.Source, item.Page, fetched, token);
        }

        var lost = of(item.Host);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, lost);
        try
        {
            return await ProcessSafelyAsync(item.Source, item.Page, fetched, linked.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !token.IsCancellationRequested)
        {
            var reason = $"the lease of {item.Host} was lost; the page stays in the shared frontier for its new holder";
            PassLog.PageDeferred(logger, item.Page.Url.AbsoluteUri, reason);
            return new PageResult(PageOutcome.Deferred, Error: reason);
        }
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
