using System.Text.Json.Nodes;
using NewsIngest.Extraction.Serialization;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// Reads and (on request) rewrites a page's <c>.expected.json</c>. The rewrite writes the full actual record, keeps
/// the file's <c>$comment</c> first, and is meant to be reviewed as a diff and trimmed back to the facts that matter.
/// </summary>
internal static class ExpectedRecord
{
    /// <summary>Set to <c>1</c> to rewrite every expected file from the current extractor instead of asserting.</summary>
    public const string UpdateSwitch = "NEWSINGEST_UPDATE_EXPECTED";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateSwitch) == "1";

    public static JsonObject Read(SamplePage page)
    {
        var node = JsonNode.Parse(File.ReadAllText(page.ExpectedPath));
        return node as JsonObject
            ?? throw new InvalidDataException($"{page.ExpectedPath}: the expected record must be a JSON object");
    }

    /// <summary>The record as the JSON a consumer reads (camelCase, enums as strings), as a mutable tree.</summary>
    public static JsonObject ToJson(ArticleRecord record) =>
        (JsonObject)JsonNode.Parse(RecordJson.Serialize(record, indented: false))!;

    public static void Rewrite(SamplePage page, ArticleRecord record)
    {
        var rewritten = new JsonObject();
        if (File.Exists(page.ExpectedPath) && Read(page)[JsonSubset.CommentProperty] is { } comment)
        {
            rewritten[JsonSubset.CommentProperty] = comment.DeepClone();
        }

        foreach (var (name, value) in ToJson(record))
        {
            rewritten[name] = value?.DeepClone();
        }

        File.WriteAllText(page.ExpectedPath, rewritten.ToJsonString(RecordJson.Indented) + "\n");
    }
}
