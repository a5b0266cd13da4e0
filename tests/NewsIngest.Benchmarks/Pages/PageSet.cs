namespace NewsIngest.Benchmarks.Pages;

/// <summary>A named, fixed list of pages that one benchmark case runs through in a loop.</summary>
internal sealed class PageSet(string name, IReadOnlyList<BenchPage> pages)
{
    public string Name { get; } = name;

    public IReadOnlyList<BenchPage> Pages { get; } = pages;

    public long TotalBytes { get; } = pages.Sum(p => p.Bytes);
}
