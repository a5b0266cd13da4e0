using System.Globalization;
using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Passes;

/// <summary>The counts of one pass; <see cref="ToLine"/> is the one-line summary printed at the end.</summary>
public sealed record PassSummary
{
    public int Sources { get; init; }

    /// <summary>Pages discovered and taken into the pass.</summary>
    public int Pages { get; init; }

    /// <summary>Pages whose body was fetched (2xx).</summary>
    public int Fetched { get; init; }

    public int New { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    public int NotModified { get; init; }

    public int Failed { get; init; }

    public int RobotsDenied { get; init; }

    /// <summary>Pages not fetched because their host's robots.txt could not be read (5xx, timeout): an outage.</summary>
    public int RobotsUnavailable { get; init; }

    /// <summary>Fetched pages whose record says a paywall stops the anonymous reader.</summary>
    public int Paywalled { get; init; }

    /// <summary>Unchanged pages left unwritten as same-text copies of another URL's record (<c>NearDuplicates:SkipSameText</c>).</summary>
    public int SameTextSkipped { get; init; }

    /// <summary>Pages left for the next pass because their host's next allowed start lay beyond <c>Pass:MaxHostWait</c>.</summary>
    public int Deferred { get; init; }

    /// <summary>The hosts whose pages were deferred, each with until when it cools down, by host.</summary>
    public IReadOnlyList<HostDeferral> DeferredHosts { get; init; } = [];

    /// <summary>Pages not started because the pass was stopped.</summary>
    public int Skipped { get; init; }

    /// <summary>
    /// Discovery problems (dead feed, missing directory) and warnings (a bad item of a feed that was read), one line
    /// each; a warning's line is marked (<see cref="DiscoveryWarning"/>).
    /// </summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Sources or resources that could not be read at all: a failure (exit 1).</summary>
    public int DiscoveryProblems => Problems.Count(p => !DiscoveryWarning.Is(p));

    /// <summary>Bad items of resources that were read: logged and counted, not a failure.</summary>
    public int DiscoveryWarnings => Problems.Count(DiscoveryWarning.Is);

    public TimeSpan Duration { get; init; }

    /// <summary>True when a stop request ended the pass before every page was done.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Records written (new and changed).</summary>
    public int Written => New + Changed;

    /// <summary>True when any page failed, a robots.txt was unavailable or a source or feed could not be read (warnings are not failures).</summary>
    public bool HasFailures => Failed > 0 || RobotsUnavailable > 0 || DiscoveryProblems > 0;

    /// <summary>The one-line summary.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Pages} pages from {Sources} sources: fetched {Fetched}, new {New}, changed {Changed}, unchanged {Unchanged}, not modified {NotModified}, failed {Failed}, robots-denied {RobotsDenied}{(RobotsUnavailable > 0 ? $", robots-unavailable {RobotsUnavailable}" : "")}, paywalled {Paywalled}{(SameTextSkipped > 0 ? $", same-text skipped {SameTextSkipped}" : "")}{(DiscoveryProblems > 0 ? $", discovery problems {DiscoveryProblems}" : "")}{(DiscoveryWarnings > 0 ? $", discovery warnings {DiscoveryWarnings}" : "")}{DeferredText()}{(Skipped > 0 ? $", skipped {Skipped}" : "")} in {Duration.TotalSeconds:0.0} s{(Interrupted ? " (interrupted)" : "")}");

    public override string ToString() => ToLine();

    /// <summary>", deferred 7: host a:80 cooling down until 2026-12-03 09:00:00Z, host b:80 … until …" (three hosts at most).</summary>
    private string DeferredText()
    {
        if (Deferred == 0)
        {
            return "";
        }

        var hosts = string.Join(", ", DeferredHosts.Take(3).Select(h => string.Create(CultureInfo.InvariantCulture, $"host {h.Host} cooling down until {h.Until:yyyy-MM-dd HH:mm:ss}Z")));
        var more = DeferredHosts.Count > 3 ? $" and {DeferredHosts.Count - 3} more hosts" : "";
        return string.Create(CultureInfo.InvariantCulture, $", deferred {Deferred}{(hosts.Length > 0 ? ": " + hosts + more : "")}");
    }
}
