using System.Text.Json.Nodes;
using Json.Schema;
using NewsIngest.Extraction.Tests.Samples;

namespace NewsIngest.Extraction.Tests.Schema;

/// <summary>The record's JSON Schema (<c>docs/record.schema.json</c>) and a validator that lists every error.</summary>
internal static class RecordSchema
{
    public static string SchemaPath { get; } = Path.Combine(SamplePages.RepositoryRoot, "docs", "record.schema.json");

    public static JsonNode Document { get; } = JsonNode.Parse(File.ReadAllText(SchemaPath))!;

    public static JsonSchema Schema { get; } = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    // Formats (uri, date-time) are assertions here, not annotations: a consumer relies on them.
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>One line per failed keyword (<c>/paywall/status: …</c>); empty when <paramref name="instance"/> is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode? instance) => Evaluate(Schema, instance);

    public static IReadOnlyList<string> Evaluate(JsonSchema schema, JsonNode? instance)
    {
        var results = schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
            .ToArray();
        return errors.Length > 0 ? errors : ["invalid (no detail reported)"];
    }
}
