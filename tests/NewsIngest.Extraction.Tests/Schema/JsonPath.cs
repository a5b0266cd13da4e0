using System.Text.Json.Nodes;

namespace NewsIngest.Extraction.Tests.Schema;

/// <summary>Edits a JSON tree at a dotted path with optional indexes (<c>preview.blocks[0].type</c>).</summary>
internal static class JsonPath
{
    public static void Remove(JsonObject root, string path)
    {
        var (parent, name) = Parent(root, path);
        Assert.True(parent.Remove(name), $"{path}: no such property to remove");
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name) = Parent(root, path);
        parent[name] = value;
    }

    private static (JsonObject Parent, string Name) Parent(JsonObject root, string path)
    {
        var steps = path.Split('.');
        JsonNode current = root;
        foreach (var step in steps[..^1])
        {
            current = Step(current, step);
        }

        return (current.AsObject(), steps[^1]);
    }

    private static JsonNode Step(JsonNode node, string step)
    {
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[step] ?? throw new ArgumentException($"no property '{step}'");
        }

        var index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[step[..bracket]]![index]!;
    }
}
