using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// Compares an expected JSON document with an actual one, where the expected side is a subset: every property it
/// names must be present and equal, properties it leaves out are not checked, arrays must match element by element
/// and in length, and <c>$comment</c> properties are notes for the reader, never compared.
/// </summary>
internal static class JsonSubset
{
    public const string CommentProperty = "$comment";

    private const int MaxShownChars = 600;

    private static readonly JsonSerializerOptions ShowOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every difference as one line: <c>path: expected X, actual Y</c>; empty when the subset matches.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add($"{path}: expected an object, actual {Show(actual)}");
                    return;
                }

                foreach (var (name, expectedValue) in expectedObject)
                {
                    if (name == CommentProperty)
                    {
                        continue;
                    }

                    var childPath = $"{path}.{name}";
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        differences.Add($"{childPath}: expected {Show(expectedValue)}, actual has no such property");
                        continue;
                    }

                    Compare(expectedValue, actualValue, childPath, differences);
                }

                break;

            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    differences.Add($"{path}: expected an array, actual {Show(actual)}");
                    return;
                }

                CompareArrays(expectedArray, actualArray, path, differences);
                break;

            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                }

                break;
        }
    }

    private static void CompareArrays(JsonArray expected, JsonArray actual, string path, List<string> differences)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add($"{path}: expected {expected.Count} elements, actual {actual.Count}");
        }

        var shared = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < shared; i++)
        {
            Compare(expected[i], actual[i], $"{path}[{i}]", differences);
        }

        for (var i = shared; i < expected.Count; i++)
        {
            differences.Add($"{path}[{i}]: expected {Show(expected[i])}, actual has no such element");
        }

        for (var i = shared; i < actual.Count; i++)
        {
            differences.Add($"{path}[{i}]: not expected, actual {Show(actual[i])}");
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(ShowOptions);
        return text.Length <= MaxShownChars ? text : string.Concat(text.AsSpan(0, MaxShownChars), "…");
    }
}
