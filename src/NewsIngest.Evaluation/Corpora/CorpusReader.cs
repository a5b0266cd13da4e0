using System.Text.Json;

namespace NewsIngest.Evaluation.Corpora;

/// <summary>
/// Finds the pages of a corpus folder and checks its layout before anything runs, so that a missing file or a
/// malformed annotation is one clear error rather than a half-finished score.
/// </summary>
public static class CorpusReader
{
    /// <summary>The snippet annotation file of a trafilatura-style corpus.</summary>
    public const string EvalDataFile = "evaldata.json";

    /// <summary>Loads <paramref name="directory"/>; <paramref name="kind"/> overrides detection when given.</summary>
    public static CorpusLoadResult Load(string directory, CorpusKind? kind = null)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            return CorpusLoadResult.Failed($"corpus folder '{directory}' does not exist");
        }

        var detected = kind ?? Detect(directory);
        if (detected is null)
        {
            return CorpusLoadResult.Failed(
                $"'{directory}' is not a corpus: it has neither {EvalDataFile} nor */source.html.gz (or pass --kind)");
        }

        try
        {
            return detected == CorpusKind.Snippets ? LoadSnippets(directory) : LoadShingles(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CorpusLoadResult.Failed($"cannot read corpus '{directory}': {ex.Message}");
        }
    }

    /// <summary>The kind a folder's layout shows, or <c>null</c> when it shows none.</summary>
    public static CorpusKind? Detect(string directory)
    {
        if (File.Exists(Path.Combine(directory, EvalDataFile)))
        {
            return CorpusKind.Snippets;
        }

        return Directory.EnumerateDirectories(directory).Any(d => File.Exists(Path.Combine(d, "source.html.gz")))
            ? CorpusKind.Shingles
            : null;
    }

    private static CorpusLoadResult LoadSnippets(string directory)
    {
        var dataPath = Path.Combine(directory, EvalDataFile);
        if (!File.Exists(dataPath))
        {
            return CorpusLoadResult.Failed($"'{directory}' has no {EvalDataFile}");
        }

        var pages = new List<(string Key, CorpusPage Page)>();
        try
        {
            using var stream = File.OpenRead(dataPath);
            using var json = JsonDocument.Parse(stream);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return CorpusLoadResult.Failed($"{EvalDataFile}: the top level must be an object of pages");
            }

            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (EvalDataEntry.Validate(entry, directory) is { } problem)
                {
                    return CorpusLoadResult.Failed($"{EvalDataFile}: entry '{entry.Name}': {problem}");
                }

                pages.Add((entry.Name, EvalDataEntry.ToPage(entry, directory)));
            }
        }
        catch (JsonException ex)
        {
            return CorpusLoadResult.Failed($"{EvalDataFile} is not valid JSON: {ex.Message}");
        }

        return Finish(directory, CorpusKind.Snippets, pages
            .OrderBy(p => p.Page.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Page));
    }

    private static CorpusLoadResult LoadShingles(string directory)
    {
        var pages = new List<CorpusPage>();
        foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(folder, "source.html.gz");
            if (!File.Exists(source))
            {
                continue;
            }

            var expected = Path.Combine(folder, "expected.html.gz");
            var name = Path.GetFileName(folder);
            if (!File.Exists(expected))
            {
                return CorpusLoadResult.Failed($"case '{name}' has source.html.gz but no expected.html.gz");
            }

            pages.Add(new CorpusPage(name, source, null, null, expected));
        }

        return Finish(directory, CorpusKind.Shingles, pages);
    }

    private static CorpusLoadResult Finish(string directory, CorpusKind kind, IEnumerable<CorpusPage> pages)
    {
        var list = pages.ToList();
        return list.Count == 0
            ? CorpusLoadResult.Failed($"corpus '{directory}' holds no page")
            : CorpusLoadResult.Loaded(new Corpus(directory, kind, list));
    }
}
