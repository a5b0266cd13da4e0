using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Progress;

/// <summary>A running pass as its observers see it: live counts, safe to read from any thread at any time.</summary>
public interface IPassProgress
{
    /// <summary>The names of the sources in the pass.</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>Pages taken into the pass so far (discovered, deduplicated).</summary>
    int Total { get; }

    /// <summary>Pages with a final result.</summary>
    int Done { get; }

    /// <summary>Records written (new and changed versions).</summary>
    int Written { get; }

    /// <summary>Pages that failed, robots.txt-unavailable ones included.</summary>
    int Failed { get; }

    /// <summary>The pass's frontier, for the frontier gauges; null when the pass keeps none.</summary>
    IFrontierGauge? Frontier { get; }
}
