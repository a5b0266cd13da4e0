using System.Text.Json;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>The serializer settings the audits' <c>--json</c> output shares: indented, camelCase names.</summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
