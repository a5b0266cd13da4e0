using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Tests.Telemetry;

public sealed class NewsIngestMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly NewsIngestMetrics _metrics;
    private readonly MeasurementRecorder _recorder;

    public NewsIngestMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _recorder = new MeasurementRecorder(factory);
        _metrics = new NewsIngestMetrics(factory);
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Pages_are_counted_by_outcome_in_the_states_kebab_case_and_by_source()
    {
        _metrics.PageCompleted("wire", PageOutcome.New);
        _metrics.PageCompleted("wire", PageOutcome.New);
        _metrics.PageCompleted("wire", PageOutcome.NotModified);
        _metrics.PageCompleted("mni", PageOutcome.RobotsUnavailable);

        Assert.Equal(2, _recorder.Sum(InstrumentNames.Pages, ("outcome", "new"), ("source", "wire")));
        Assert.Equal(1, _recorder.Sum(InstrumentNames.Pages, ("outcome", "not-modified")));
        Assert.Equal(1, _recorder.Sum(InstrumentNames.Pages, ("outcome", "robots-unavailable"), ("source", "mni")));
        var instrument = _recorder.Of(InstrumentNames.Pages)[0].Instrument;
        Assert.Equal(("{page}", true), (instrument.Unit, instrument is Counter<long>));
    }

    [Fact]
    public void Durations_are_histograms_in_seconds_with_their_kind_and_outcome()
    {
        _metrics.FetchCompleted(ResourceKind.Page, FetchOutcome.NotModified, TimeSpan.FromMilliseconds(250));
        _metrics.PolitenessWaited(ResourceKind.Robots, TimeSpan.FromSeconds(2));
        _metrics.Extracted(succeeded: false, TimeSpan.FromMilliseconds(40));

        var fetch = Assert.Single(_recorder.Of(InstrumentNames.FetchDuration));
        Assert.Equal((0.25, "page", "not-modified"), (fetch.Value, fetch.Tag("kind"), fetch.Tag("outcome")));
        var wait = Assert.Single(_recorder.Of(InstrumentNames.PolitenessWait));
        Assert.Equal((2.0, "robots"), (wait.Value, wait.Tag("kind")));
        var extraction = Assert.Single(_recorder.Of(InstrumentNames.ExtractionDuration));
        Assert.Equal((0.04, "rejected"), (extraction.Value, extraction.Tag("outcome")));
        Assert.All(new[] { fetch, wait, extraction }, m => Assert.Equal(("s", true), (m.Instrument.Unit, m.Instrument is Histogram<double>)));
    }

    [Fact]
    public void No_measurement_carries_a_host()
    {
        _metrics.PageCompleted("wire", PageOutcome.Failed);
        _metrics.FetchCompleted(ResourceKind.Feed, FetchOutcome.Timeout, TimeSpan.FromSeconds(1));
        _metrics.PolitenessWaited(ResourceKind.Page, TimeSpan.Zero);
        _metrics.DiscoveryProblem("wire");
        _metrics.RecordsWritten(3);

        var keys = new[] { InstrumentNames.Pages, InstrumentNames.FetchDuration, InstrumentNames.PolitenessWait, InstrumentNames.DiscoveryProblems, InstrumentNames.RecordsWritten }
            .SelectMany(_recorder.Of).SelectMany(m => m.Tags.Keys).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["kind", "outcome", "source"], keys);
        Assert.Equal(3, _recorder.Sum(InstrumentNames.RecordsWritten));
        Assert.Equal(1, _recorder.Sum(InstrumentNames.DiscoveryProblems, ("source", "wire")));
    }

    [Fact]
    public void Frontier_gauges_sum_the_registered_frontiers_and_report_nothing_without_one()
    {
        _recorder.Observe();
        Assert.Empty(_recorder.Of(InstrumentNames.FrontierSize));

        var first = new Frontier(size: 12, cooling: 1);
        var second = new Frontier(size: 30, cooling: 2);
        using (_metrics.AddFrontier(first))
        {
            var registration = _metrics.AddFrontier(second);
            _recorder.Observe();
            registration.Dispose();
            registration.Dispose(); // twice is harmless
            first.Size = 5;
            _recorder.Observe();
        }

        _recorder.Observe();
        Assert.Equal([42.0, 5.0], _recorder.Of(InstrumentNames.FrontierSize).Select(m => m.Value));
        Assert.Equal([3.0, 1.0], _recorder.Of(InstrumentNames.HostsInCooldown).Select(m => m.Value));
        Assert.Equal(("{url}", "{host}"), (_recorder.Of(InstrumentNames.FrontierSize)[0].Instrument.Unit, _recorder.Of(InstrumentNames.HostsInCooldown)[0].Instrument.Unit));
    }

    [Fact]
    public void A_frontier_shared_by_passes_running_at_once_counts_once_until_the_last_of_them_ends()
    {
        // Given run's one frontier, registered by the passes of two sources running at once
        var shared = new Frontier(size: 7, cooling: 2);
        var first = _metrics.AddFrontier(shared);
        var second = _metrics.AddFrontier(shared);
        _recorder.Observe();

        // When the first pass ends, the other still running
        first.Dispose();
        _recorder.Observe();
        second.Dispose();
        _recorder.Observe();

        // Then its gauges are its own values, not their sum, while any of them runs
        Assert.Equal([7.0, 7.0], _recorder.Of(InstrumentNames.FrontierSize).Select(m => m.Value));
        Assert.Equal([2.0, 2.0], _recorder.Of(InstrumentNames.HostsInCooldown).Select(m => m.Value));
    }

    private sealed class Frontier(int size, int cooling) : IFrontierGauge
    {
        public int Size { get; set; } = size;

        public int FrontierSize => Size;

        public int HostsInCooldown => cooling;
    }
}
