using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NewsIngest.Cli.Hosting.Telemetry;

/// <summary>
/// Wires the <c>NewsIngest</c> meter, the runtime's own meters (GC, thread pool, JIT: <c>System.Runtime</c>;
/// HttpClient and DNS, without their host attributes) and the exporters into OpenTelemetry: the Prometheus scrape
/// endpoint when <c>NewsIngest:Metrics:Listen</c> is set (<c>run</c> only), OTLP when <c>OtlpEndpoint</c> is set.
/// With neither, no OpenTelemetry SDK is added and nothing is aggregated.
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary>The .NET runtime's built-in meters (since .NET 9 the runtime publishes these itself).</summary>
    public static readonly string[] RuntimeMeters = ["System.Runtime", .. HostAttributeFilter.Meters];

    /// <summary>Adds telemetry to <paramref name="builder"/>; <paramref name="serve"/> allows the Prometheus endpoint.</summary>
    public static void Add(HostApplicationBuilder builder, bool serve)
    {
        var section = builder.Configuration.GetSection(MetricsOptions.SectionName);
        builder.Services.AddOptions<MetricsOptions>().Bind(section);
        // Raw values only: the configuration is checked (one line per bad key) after the host is built, not here.
        var listen = serve && !string.IsNullOrWhiteSpace(section[nameof(MetricsOptions.Listen)]);
        var otlp = !string.IsNullOrWhiteSpace(section[nameof(MetricsOptions.OtlpEndpoint)]);
        if (!listen && !otlp)
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("newsingest", serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString(3)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NewsIngestMetrics.MeterName).AddMeter(RuntimeMeters).AddView(HostAttributeFilter.Configure);
                if (listen)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            builder.Services.AddOptions<OtlpExporterOptions>().Configure<IOptions<MetricsOptions>>((exporter, options) =>
            {
                var endpoint = new Uri(options.Value.OtlpEndpoint!);
                var http = options.Value.OtlpProtocol == OtlpProtocol.HttpProtobuf;
                // Over HTTP an endpoint set in code is used as it is: a collector's base address gets the signal's path.
                exporter.Endpoint = http && endpoint.AbsolutePath == "/" ? new Uri(endpoint, "v1/metrics") : endpoint;
                exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            });
            builder.Services.AddOptions<MetricReaderOptions>().Configure<IOptions<MetricsOptions>>((reader, options) =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.Value.OtlpExportInterval.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Builds the meter provider now, for a verb that does not start the host (<c>once</c>): from here on the meter
    /// is collected, and disposing the host's services pushes the last OTLP export.
    /// </summary>
    public static void Start(IServiceProvider services) => services.GetService<MeterProvider>();
}
