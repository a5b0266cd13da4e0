namespace NewsIngest.Ingestion.Telemetry;

/// <summary>How metrics are sent to an OTLP endpoint.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP over gRPC (the collector's port 4317).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (the collector's port 4318, path <c>/v1/metrics</c>).</summary>
    HttpProtobuf,
}
