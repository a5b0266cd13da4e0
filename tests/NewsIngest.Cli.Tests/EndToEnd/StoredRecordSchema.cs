using System.Text.Json.Nodes;
using Json.Schema;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// <c>docs/stored-record.schema.json</c> with the extraction record's schema it refers to, and a validator that lists
/// every failed keyword. Formats (uri, date-time) are assertions: consumers rely on them.
/// </summary>
internal static class StoredRecordSchema
{
    public static string DocsDirectory { get; } = Path.Combine(NewsIngestExecutable.RepositoryRoot, "docs");

    public static JsonNode StoredDocument => JsonNode.Parse(File.ReadAllText(Path.Combine(DocsDirectory, "stored-record.schema.json")))!;

    public static JsonNode RecordDocument => JsonNode.Parse(File.ReadAllText(Path.Combine(DocsDirectory, "record.schema.json")))!;

    /// <summary>One line per failed keyword (<c>/hints/feed: format: …</c>); empty when <paramref name="line"/> is valid.</summary>
    public static IReadOnlyList<string> Errors(string line)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        options.SchemaRegistry.Register(JsonSchema.FromText(RecordDocument.ToJsonString()));
        var results = JsonSchema.FromText(StoredDocument.ToJsonString()).Evaluate(JsonNode.Parse(line), options);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid (no detail reported)")];
    }
}
