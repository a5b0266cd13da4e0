using System.Collections.Concurrent;
using NewsIngest.Ingestion.Progress;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// Thread-safe tallies of page results while a pass runs, overall and per source (<see cref="For"/>); a result still
/// waiting for its record to be written is counted once it is settled, and then handed to the pass's observer.
/// </summary>
internal sealed class PassCounters(IReadOnlyList<string>? sources = null, IPassObserver? observer = null) : IPassProgress
{
    private readonly List<Task> _settling = [];
    private readonly ConcurrentDictionary<string, PassCounters> _bySource = new(StringComparer.Ordinal);
    private readonly int[] _outcomes = new int[Enum.GetValues<PageOutcome>().Length];
    private int _fetched;
    private int _paywalled;
    private int _sameTextSkipped;
    private int _done;
    private int _total;

    public IReadOnlyList<string> Sources { get; } = sources ?? [];

    public int Total => Volatile.Read(ref _total);

    public int Done => Volatile.Read(ref _done);

    public int Written => Count(PageOutcome.New) + Count(PageOutcome.Changed);

    public int Failed => Count(PageOutcome.Failed) + Count(PageOutcome.RobotsUnavailable);

    /// <summary>The pass's frontier, set before the pass is announced to its observers.</summary>
    public IFrontierGauge? Frontier { get; init; }

    /// <summary>Takes <paramref name="pages"/> more pages into the pass.</summary>
    public void AddPages(int pages) => Interlocked.Add(ref _total, pages);

    public void Add(string source, PageResult result)
    {
        if (result.Pending is { } pending)
        {
            var settled = AddWhenSettledAsync(source, pending);
            lock (_settling)
            {
                _settling.Add(settled);
            }

            return;
        }

        Tally(result);
        For(source).Tally(result);
        observer?.PageCompleted(this, source, result);
    }

    /// <summary>The tallies of <paramref name="source"/>'s pages alone (empty when none was counted).</summary>
    public PassCounters For(string source) => _bySource.GetOrAdd(source, _ => new PassCounters());

    private void Tally(PageResult result)
    {
        Interlocked.Increment(ref _outcomes[(int)result.Outcome]);
        if (result.Fetched)
        {
            Interlocked.Increment(ref _fetched);
        }

        if (result.Paywalled)
        {
            Interlocked.Increment(ref _paywalled);
        }

        if (result.SameTextSkipped)
        {
            Interlocked.Increment(ref _sameTextSkipped);
        }

        Interlocked.Increment(ref _done);
    }

    /// <summary>Waits until every pending result has been counted.</summary>
    public Task WhenSettledAsync(CancellationToken cancellationToken)
    {
        lock (_settling)
        {
            return Task.WhenAll(_settling).WaitAsync(cancellationToken);
        }
    }

    public int Count(PageOutcome outcome) => Volatile.Read(ref _outcomes[(int)outcome]);

    public PassSummary ToSummary(int sources, int pages, IReadOnlyList<string> problems, TimeSpan duration, bool interrupted) => new()
    {
        Sources = sources,
        Pages = pages,
        Fetched = Volatile.Read(ref _fetched),
        New = Count(PageOutcome.New),
        Changed = Count(PageOutcome.Changed),
        Unchanged = Count(PageOutcome.Unchanged),
        NotModified = Count(PageOutcome.NotModified),
        Failed = Count(PageOutcome.Failed),
        RobotsDenied = Count(PageOutcome.RobotsDenied),
        RobotsUnavailable = Count(PageOutcome.RobotsUnavailable),
        Paywalled = Volatile.Read(ref _paywalled),
        SameTextSkipped = Volatile.Read(ref _sameTextSkipped),
        Skipped = Count(PageOutcome.Skipped),
        Deferred = Count(PageOutcome.Deferred),
        Problems = problems,
        Duration = duration,
        Interrupted = interrupted,
    };

    private async Task AddWhenSettledAsync(string source, Task<PageResult> pending) => Add(source, await pending);
}
