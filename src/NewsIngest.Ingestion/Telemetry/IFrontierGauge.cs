namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// What a pass's frontier reports to the metrics, read each time the meter is collected (a scrape, an export). The
/// frontier registers itself with <see cref="NewsIngestMetrics.AddFrontier"/> while it runs; the gauges are the sums
/// over the registered frontiers. Reads must be cheap and thread-safe.
/// </summary>
public interface IFrontierGauge
{
    /// <summary>URLs discovered and waiting to be started.</summary>
    int FrontierSize { get; }

    /// <summary>Hosts whose cooldown (429/503 or back-off) keeps their URLs waiting now.</summary>
    int HostsInCooldown { get; }
}
