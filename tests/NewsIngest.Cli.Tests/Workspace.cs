using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// A temporary project directory: article pages written by the test under <c>pages/</c>, a config file pointing a
/// <c>file:</c> source at them, and readers for the records the runs leave under <c>data/records</c>.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "newsingest-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(PagesDirectory);
    }

    public string Root { get; }

    public string PagesDirectory => Path.Combine(Root, "pages");

    public string RecordsDirectory => Path.Combine(Root, "data", "records");

    public string ConfigPath => Path.Combine(Root, "newsingest.json");

    /// <summary>Writes <paramref name="count"/> distinct article pages, p0001.html …</summary>
    public Workspace WithPages(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            WritePage($"p{i:0000}.html", $"Story number {i}", $"The council voted {i} times on the budget before the session closed.");
        }

        return this;
    }

    /// <summary>Writes (or rewrites) one page with a headline and a paragraph.</summary>
    public void WritePage(string name, string headline, string paragraph)
    {
        var path = Path.Combine(PagesDirectory, name);
        File.WriteAllText(path, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{headline}</title></head>
            <body><header><nav><a href="/">Home</a></nav></header>
            <article><h1>{headline}</h1><p>{paragraph}</p>
            <p>Officials said the decision would be reviewed next month, and residents were invited to comment.</p></article>
            <footer>© Test News</footer></body></html>
            """);
    }

    /// <summary>Writes the config file: one source over <c>pages/</c>, plus <paramref name="extra"/> JSON members of
    /// <c>NewsIngest</c> and <paramref name="sourceExtra"/> members of the source.</summary>
    public Workspace WithConfig(string schedule = "00:00:02", string extra = "", string sourceExtra = "")
    {
        File.WriteAllText(ConfigPath, $$"""
            {
              "NewsIngest": {
                "Sources": [ { "Name": "local", "Urls": [ "pages" ], "Schedule": "{{schedule}}"{{sourceExtra}} } ],
                "Output": { "Directory": "data/records" },
                "State": { "Path": "data/state/newsingest.db" }{{extra}}
              }
            }
            """);
        return this;
    }

    /// <summary>Every line of every record file, parsed; a line that is not JSON fails the test.</summary>
    public IReadOnlyList<JsonElement> Records() =>
        (Directory.Exists(RecordsDirectory) ? Directory.GetFiles(RecordsDirectory, "*.jsonl").Order(StringComparer.Ordinal).ToArray() : [])
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    /// <summary>Complete lines in the record files so far; safe while a run is still appending.</summary>
    public int CompleteLines() =>
        !Directory.Exists(RecordsDirectory) ? 0 : Directory.GetFiles(RecordsDirectory, "*.jsonl")
            .Sum(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var count = 0;
                int b;
                while ((b = stream.ReadByte()) >= 0)
                {
                    count += b == '\n' ? 1 : 0;
                }

                return count;
            });

    /// <summary>Reads a number from a summary line such as "…, not modified 3, …".</summary>
    public static int Count(string summary, string label)
    {
        var match = Regex.Match(summary, $@"\b{Regex.Escape(label)} (\d+)");
        Assert.True(match.Success, $"'{label}' not in: {summary}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public IEnumerable<string> Args(string verb, params string[] more) => [verb, "--config", ConfigPath, .. more];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a killed process may still be closing a file.
        }
    }
}
