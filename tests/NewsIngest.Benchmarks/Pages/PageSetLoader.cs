using System.IO.Compression;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Benchmarks.Pages;

/// <summary>
/// Finds and loads the page sets: the repository's own <c>samples/pages</c>, and a deterministic sample (the first
/// <see cref="CorpusSampleSize"/> in ordinal name order) of the shared real-page corpora, read at run time and never
/// copied into the repository. A missing corpus is skipped with a message, not an error.
/// </summary>
internal static class PageSetLoader
{
    public const string Samples = "samples";
    public const string Trafilatura = "trafilatura";
    public const string Readability = "readability";
    public const string Fundus = "fundus";
    public const string Wcxb = "wcxb";

    /// <summary>How many corpus pages each corpus set takes.</summary>
    public const int CorpusSampleSize = 40;

    /// <summary>Overrides where the shared corpus lives (default: <c>&lt;repo&gt;/../shared/corpus</c>).</summary>
    public const string CorpusVariable = "NEWSINGEST_CORPUS_DIR";

    /// <summary>The names of the sets whose files exist, in a fixed order; says why any set is left out.</summary>
    public static IReadOnlyList<string> AvailableSetNames(TextWriter log)
    {
        var names = new List<string>();
        foreach (var name in (string[])[Samples, Trafilatura, Readability, Fundus, Wcxb])
        {
            if (FindFiles(name, everyPage: false, out var reason).Count > 0)
            {
                names.Add(name);
            }
            else
            {
                log.WriteLine($"[bench] skipping page set '{name}': {reason}");
            }
        }

        return names;
    }

    /// <summary>Loads all available sets.</summary>
    public static IReadOnlyList<PageSet> LoadAvailable(TextWriter log) => [.. AvailableSetNames(log).Select(Load)];

    /// <summary>Reads, gunzips and decodes one set's pages with <see cref="PageDecoder"/>.</summary>
    public static PageSet Load(string name) => Load(name, everyPage: false);

    /// <summary>Like <see cref="Load(string)"/>; <paramref name="everyPage"/> takes every corpus page, not a sample.</summary>
    public static PageSet Load(string name, bool everyPage)
    {
        var files = FindFiles(name, everyPage, out var reason);
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"page set '{name}' has no pages: {reason}");
        }

        var pages = files.Select(file =>
        {
            var bytes = file.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(file) : File.ReadAllBytes(file);
            var label = PageLabel(name, file);
            var url = new Uri($"https://bench.invalid/{name}/{Uri.EscapeDataString(label)}");
            return new BenchPage(label, PageDecoder.Decode(bytes).Text, url, bytes.LongLength);
        });
        return new PageSet(name, [.. pages]);
    }

    private static List<string> FindFiles(string name, bool everyPage, out string reason)
    {
        reason = "";
        var root = RepoRoot();
        if (root is null)
        {
            reason = "repository root (NewsIngest.sln) not found above the current or program directory";
            return [];
        }

        var corpus = Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } custom
            ? custom
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        var (folder, files) = name switch
        {
            Samples => (Path.Combine(root, "samples", "pages"), Sorted(Path.Combine(root, "samples", "pages"), "*.html")),
            Trafilatura => (Path.Combine(corpus, "trafilatura", "html"), Sorted(Path.Combine(corpus, "trafilatura", "html"), "*.html.gz")),
            Readability => (Path.Combine(corpus, "readability"), SourcesInFolders(Path.Combine(corpus, "readability"))),
            Fundus => (Path.Combine(corpus, "fundus"), SourcesInFolders(Path.Combine(corpus, "fundus"))),
            Wcxb => (Path.Combine(corpus, "wcxb", "html"), Sorted(Path.Combine(corpus, "wcxb", "html"), "*.html.gz")),
            _ => throw new ArgumentException($"unknown page set '{name}'", nameof(name)),
        };
        if (!Directory.Exists(folder))
        {
            reason = $"folder {folder} is missing";
            return [];
        }

        if (files.Count == 0)
        {
            reason = $"no pages in {folder}";
            return [];
        }

        return name == Samples || everyPage ? files : [.. files.Take(CorpusSampleSize)];
    }

    private static List<string> Sorted(string folder, string pattern) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The <c>source.html.gz</c> of each page folder (readability/ and fundus/ keep one folder per page).</summary>
    private static List<string> SourcesInFolders(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Select(dir => Path.Combine(dir, "source.html.gz")).Where(File.Exists)]
        : [];

    private static string PageLabel(string name, string file) =>
        name is Readability or Fundus ? Path.GetFileName(Path.GetDirectoryName(file)!) : Path.GetFileName(file);

    private static byte[] Gunzip(string file)
    {
        using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// The folder holding NewsIngest.sln, searched upwards from the working directory and from the program's own
    /// folder (BenchmarkDotNet runs cases from a generated folder under bin/, which is still inside the repository).
    /// </summary>
    private static string? RepoRoot()
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsIngest.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
