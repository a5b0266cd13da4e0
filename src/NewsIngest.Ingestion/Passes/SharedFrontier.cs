using System.Collections.Concurrent;
using NewsIngest.Ingestion.Frontier;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// One long-lived frontier for the passes of <c>run</c> (<see cref="IngestionPass.Share"/>): it dispatches from the
/// moment it is made until the run stops. Each source's pass, when its schedule says so, adds its pages and gets their
/// results back, so all passes share <c>Pass:MaxConcurrency</c> and every host's turns, while each pass ends, and
/// reports its summary, as soon as its own pages are done: a slow host delays only the passes whose pages it holds.
/// Pages are routed to their pass by source; the passes running at once have distinct sources (a source's runs never
/// overlap). A stop starts no new page and gives those in flight <c>Pass:ShutdownGrace</c>, as a pass of its own does.
/// </summary>
public sealed class SharedFrontier : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PassRun> _passes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenRegistration _onStop;
    private readonly Task _running;

    internal SharedFrontier(
        Func<Func<FrontierDeferral, CancellationToken, Task>, FrontierDispatcher> dispatcher,
        Func<PassRun, FrontierItem, Action, CancellationToken, Task> process,
        Func<PassRun, FrontierDeferral, CancellationToken, Task> defer,
        Func<FrontierItem, Action, CancellationToken, Task> unowned,
        TimeProvider time,
        Action<CancellationTokenSource> stopping,
        CancellationToken stopToken)
    {
        Dispatcher = dispatcher((deferral, token) => RouteAsync(deferral, defer, token));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _onStop = _stop.Token.Register(() => stopping(_abort));
        _running = RunAsync(process, unowned);
    }

    internal FrontierDispatcher Dispatcher { get; }

    /// <summary>The store under the dispatcher (shared by several workers, or this process's own).</summary>
    internal IFrontierStore Store => Dispatcher.Store;

    /// <summary>The token pages run on: it fires only <c>Pass:ShutdownGrace</c> after a stop.</summary>
    internal CancellationToken WorkToken => _abort.Token;

    /// <summary>Completes when the frontier has stopped dispatching and its pages in flight have ended.</summary>
    internal Task Stopped => _running;

    /// <summary>Pages of <paramref name="run"/>'s sources are its own until <see cref="Detach"/>.</summary>
    internal void Attach(PassRun run)
    {
        foreach (var source in run.Sources)
        {
            if (!_passes.TryAdd(source.Name, run))
            {
                Detach(run);
                throw new InvalidOperationException($"source '{source.Name}' is already in a pass on this frontier");
            }
        }
    }

    internal void Detach(PassRun run)
    {
        foreach (var source in run.Sources)
        {
            _passes.TryRemove(new KeyValuePair<string, PassRun>(source.Name, run));
        }
    }

    /// <summary>Stops dispatching (pages in flight get their grace) and waits until the frontier has stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _onStop.DisposeAsync();
        _stop.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync(
        Func<PassRun, FrontierItem, Action, CancellationToken, Task> process, Func<FrontierItem, Action, CancellationToken, Task> unowned)
    {
        await Task.Yield();
        try
        {
            await Dispatcher.RunAsync(
                // A page of no pass here: another worker's pass added it to the shared frontier, and this worker holds its host.
                (item, fetched, token) => _passes.TryGetValue(item.Source, out var run) ? process(run, item, fetched, token) : unowned(item, fetched, token),
                _stop.Token,
                _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // The grace period ran out: pages still in flight were cancelled; their state says so next time.
        }
    }

    private async Task RouteAsync(FrontierDeferral deferral, Func<PassRun, FrontierDeferral, CancellationToken, Task> defer, CancellationToken token)
    {
        foreach (var own in deferral.Items.GroupBy(i => i.Source, StringComparer.Ordinal))
        {
            if (_passes.TryGetValue(own.Key, out var run))
            {
                await defer(run, deferral with { Items = [.. own] }, token);
            }
        }
    }
}
