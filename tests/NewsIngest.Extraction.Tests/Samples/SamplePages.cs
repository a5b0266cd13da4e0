namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>Finds the repository's <c>samples/pages</c> folder and the pages in it.</summary>
internal static class SamplePages
{
    private static readonly string[] PageExtensions = [".html", ".txt"];

    /// <summary>The repository root: the nearest folder above the test binaries that holds the solution.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "samples", "pages");

    /// <summary>Every page, ordered by file name so runs and failure lists are stable.</summary>
    public static IReadOnlyList<SamplePage> All { get; } = System.IO.Directory
        .EnumerateFiles(Directory)
        .Where(path => PageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal)
        .Select(path => new SamplePage(Path.GetFileName(path), path))
        .ToArray();

    /// <summary>Page names for theories; a name (not the page) keeps each case readable in test explorers.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var page in All)
            {
                data.Add(page.Name);
            }

            return data;
        }
    }

    public static SamplePage Get(string name) =>
        All.SingleOrDefault(page => page.Name == name)
        ?? throw new ArgumentException($"no sample page named '{name}' in {Directory}", nameof(name));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NewsIngest.sln not found above {AppContext.BaseDirectory}");
    }
}
