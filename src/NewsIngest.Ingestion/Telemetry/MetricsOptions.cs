using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// Metrics and health (<c>NewsIngest:Metrics</c>): the Prometheus and health endpoint of <c>run</c>, and OTLP export.
/// Both off by default. Checked with the rest of the configuration before any request.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "NewsIngest:Metrics";

    /// <summary>
    /// Where <c>run</c> serves <c>/metrics</c> (Prometheus text format), <c>/healthz/live</c> and <c>/healthz/ready</c>:
    /// <see cref="ListenAddress.Form"/>. Null (the default) serves nothing. <c>once</c> never serves.
    /// </summary>
    public string? Listen { get; set; }

    /// <summary>An OTLP collector's http(s) address (e.g. <c>http://127.0.0.1:4317</c>); null (the default) exports nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport. Default <see cref="OtlpProtocol.Grpc"/>.</summary>
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>How often metrics are pushed to the OTLP endpoint (and once more when the process ends). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between 00:00:01 and 01:00:00")]
    public TimeSpan OtlpExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The parsed <see cref="Listen"/>, or null when it is off (valid once checked).</summary>
    public ListenAddress? ListenAddress => Listen is { Length: > 0 } text && ListenAddress.TryParse(text, out var address, out _) ? address : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Listen is { Length: > 0 } listen && !ListenAddress.TryParse(listen, out _, out var reason))
        {
            yield return new ValidationResult(reason, [nameof(Listen)]);
        }

        if (OtlpEndpoint is { Length: > 0 } otlp
            && !(Uri.TryCreate(otlp, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
        {
            yield return new ValidationResult($"\"{otlp}\" is not an http(s) URL (use http://127.0.0.1:4317)", [nameof(OtlpEndpoint)]);
        }
    }
}
