using System.Text.Json;
using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Evaluation.Corpora;

/// <summary>
/// One entry of <c>evaldata.json</c>: <c>"key": {"file": "x.html", "with": [...], "without": [...]}</c>, optionally
/// with the reference main text as <c>"body"</c> (WCXB). The key is the page's URL, or a label such as
/// <c>hard::x.html</c> for pages without one.
/// </summary>
internal static class EvalDataEntry
{
    /// <summary>Checks the entry's shape and that its page exists; <c>null</c> when it is fine.</summary>
    public static string? Validate(JsonProperty entry, string directory)
    {
        if (entry.Value.ValueKind != JsonValueKind.Object)
        {
            return "must be an object";
        }

        if (!entry.Value.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(file.GetString()))
        {
            return "has no \"file\" string";
        }

        foreach (var list in (string[])["with", "without"])
        {
            if (entry.Value.TryGetProperty(list, out var items)
                && (items.ValueKind != JsonValueKind.Array || items.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String)))
            {
                return $"\"{list}\" must be an array of strings";
            }
        }

        if (entry.Value.TryGetProperty("body", out var body) && body.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "\"body\" must be a string";
        }

        var name = file.GetString()!;
        if (Path.GetFileName(name) != name || name.Contains('\\') || name is "." or "..")
        {
            return $"file '{name}' must be a plain file name";
        }

        return File.Exists(PagePath(directory, name)) ? null : $"its page html/{name}.gz does not exist";
    }

    /// <summary>The page of an entry that passed <see cref="Validate"/>.</summary>
    public static CorpusPage ToPage(JsonProperty entry, string directory)
    {
        var name = entry.Value.GetProperty("file").GetString()!;
        var truth = new SnippetTruth(Strings(entry.Value, "with"), Strings(entry.Value, "without"));
        // Only real web addresses seed the record's URL: some keys are labels ("hard::...", "xhttps://...").
        var url = Uri.TryCreate(entry.Name, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
        // WCXB entries carry the reference main text as "body": those pages are also scored by word F1.
        var body = entry.Value.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        return new CorpusPage(name, PagePath(directory, name), url, truth, null, body);
    }

    private static string PagePath(string directory, string file) => Path.Combine(directory, "html", file + ".gz");

    private static string[] Strings(JsonElement entry, string name) => entry.TryGetProperty(name, out var items)
        ? items.EnumerateArray().Select(i => i.GetString() ?? "").ToArray()
        : [];
}
