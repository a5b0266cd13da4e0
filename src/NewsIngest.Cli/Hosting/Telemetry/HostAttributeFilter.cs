using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace NewsIngest.Cli.Hosting.Telemetry;

/// <summary>
/// A view over the runtime's HttpClient and DNS instruments that keeps only attributes of bounded cardinality: a
/// crawler talks to thousands of hosts, so <c>server.address</c>, <c>server.port</c> and <c>dns.question.name</c> are
/// dropped (their series would grow with the web and swamp the scraper).
/// </summary>
internal static class HostAttributeFilter
{
    /// <summary>The meters whose instruments carry a host.</summary>
    public static readonly string[] Meters = ["System.Net.Http", "System.Net.NameResolution"];

    private static readonly string[] Kept =
        ["http.request.method", "http.response.status_code", "error.type", "url.scheme", "network.protocol.version", "http.connection.state"];

    /// <summary>The view: for the host-carrying meters, their instruments with <see cref="Kept"/> attributes only.</summary>
    public static MetricStreamConfiguration? Configure(Instrument instrument) =>
        Meters.Contains(instrument.Meter.Name, StringComparer.Ordinal) ? new MetricStreamConfiguration { TagKeys = Kept } : null;
}
