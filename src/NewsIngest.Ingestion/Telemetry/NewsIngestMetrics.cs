using System.Diagnostics.Metrics;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// The <c>NewsIngest</c> meter (System.Diagnostics.Metrics; any listener or the OpenTelemetry SDK reads it) and the
/// methods that record on its instruments (<see cref="InstrumentNames"/>). Thread-safe; one per process, from DI.
/// </summary>
public sealed class NewsIngestMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c> and listeners.</summary>
    public const string MeterName = "NewsIngest";

    private static readonly double[] FetchBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] WaitBuckets = [0, 0.05, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];
    private static readonly double[] ExtractionBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _pages;
    private readonly Counter<long> _records;
    private readonly Histogram<double> _fetch;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _extraction;
    private readonly Counter<long> _problems;
    private readonly List<IFrontierGauge> _frontiers = [];

    public NewsIngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(new MeterOptions(MeterName) { Version = typeof(NewsIngestMetrics).Assembly.GetName().Version?.ToString(3) });
        _pages = meter.CreateCounter<long>(InstrumentNames.Pages, "{page}", "Pages finished by a pass, by outcome and source.");
        _records = meter.CreateCounter<long>(InstrumentNames.RecordsWritten, "{record}", "Records durably appended to the output.");
        _fetch = meter.CreateHistogram(InstrumentNames.FetchDuration, "s", "Duration of one HTTP request with its retries and body, without the politeness wait.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FetchBuckets });
        _wait = meter.CreateHistogram(InstrumentNames.PolitenessWait, "s", "Time a request waited for its host's turn.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBuckets });
        _extraction = meter.CreateHistogram(InstrumentNames.ExtractionDuration, "s", "Duration of the extraction of one page.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ExtractionBuckets });
        _problems = meter.CreateCounter<long>(InstrumentNames.DiscoveryProblems, "{problem}", "Discovery problems (dead feed, bad sitemap, missing directory), by source.");
        meter.CreateObservableUpDownCounter(InstrumentNames.FrontierSize, () => Sum(f => f.FrontierSize), "{url}",
            "URLs waiting in the frontiers of the passes running now.");
        meter.CreateObservableUpDownCounter(InstrumentNames.HostsInCooldown, () => Sum(f => f.HostsInCooldown), "{host}",
            "Hosts in a cooldown now.");
    }

    /// <summary>A page's final result (after its record is durable, or its failure).</summary>
    public void PageCompleted(string source, PageOutcome outcome) =>
        _pages.Add(1, new KeyValuePair<string, object?>(InstrumentNames.Outcome, AttributeValues.Of(outcome)), new(InstrumentNames.Source, source));

    /// <summary><paramref name="count"/> records reached the output and their state is committed.</summary>
    public void RecordsWritten(int count)
    {
        if (count > 0)
        {
            _records.Add(count);
        }
    }

    /// <summary>One HTTP request (a hop) ended with <paramref name="outcome"/> after <paramref name="elapsed"/>.</summary>
    public void FetchCompleted(ResourceKind kind, FetchOutcome outcome, TimeSpan elapsed) =>
        _fetch.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(InstrumentNames.Kind, AttributeValues.Of(kind)), new(InstrumentNames.Outcome, AttributeValues.Of(outcome)));

    /// <summary>A request waited <paramref name="wait"/> for its host's turn (zero included: the share that waited shows).</summary>
    public void PolitenessWaited(ResourceKind kind, TimeSpan wait) =>
        _wait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>(InstrumentNames.Kind, AttributeValues.Of(kind)));

    /// <summary>One page was extracted (or rejected) in <paramref name="elapsed"/>.</summary>
    public void Extracted(bool succeeded, TimeSpan elapsed) =>
        _extraction.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(InstrumentNames.Outcome, succeeded ? "ok" : "rejected"));

    /// <summary>Discovery of <paramref name="source"/> reported a problem.</summary>
    public void DiscoveryProblem(string source) =>
        _problems.Add(1, new KeyValuePair<string, object?>(InstrumentNames.Source, source));

    /// <summary>
    /// Reports <paramref name="frontier"/> in the frontier gauges until the returned handle is disposed (a frontier
    /// added by several passes, until the last of their handles is).
    /// </summary>
    public IDisposable AddFrontier(IFrontierGauge frontier)
    {
        lock (_frontiers)
        {
            _frontiers.Add(frontier);
        }

        return new Registration(this, frontier);
    }

    private IEnumerable<Measurement<int>> Sum(Func<IFrontierGauge, int> read)
    {
        lock (_frontiers)
        {
            // No frontier registered: no pass runs, and no measurement rather than a made-up zero per source. One
            // frontier registered by several passes (run's shared frontier) counts once.
            return _frontiers.Count == 0 ? [] : [new Measurement<int>(_frontiers.Distinct<IFrontierGauge>(ReferenceEqualityComparer.Instance).Sum(read))];
        }
    }

    private sealed class Registration(NewsIngestMetrics owner, IFrontierGauge frontier) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (owner._frontiers)
                {
                    owner._frontiers.Remove(frontier);
                }
            }
        }
    }
}
