using BenchmarkDotNet.Attributes;
using NewsIngest.Benchmarks.Pages;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// Extraction with a warm site template against extraction without one (the baseline), on the same pages in the same
/// run. Each set's model is learned from the set itself before measuring: for the generated site (two hosts of 20
/// pages) it knows and removes the template; for the corpus sets all pages count as one site, so the model is warm
/// but knows little, and the case measures what the stage costs (fingerprinting every candidate block, the lookups).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SiteTemplateBenchmarks
{
    public const string Generated = "generated";

    /// <summary>Rounds of both methods over the set in the setup, before any measurement.</summary>
    private const int WarmRounds = 10;

    private PageSet _set = null!;
    private SiteTemplate[] _models = [];

    [ParamsSource(nameof(SetNames))]
    public string Set { get; set; } = Generated;

    public static IEnumerable<string> SetNames => [Generated, .. PageSetLoader.AvailableSetNames(Console.Out)];

    [GlobalSetup]
    public void Setup()
    {
        _set = Set == Generated ? GeneratedSet() : PageSetLoader.Load(Set);
        var sites = new SiteTemplateSet();
        var keys = _set.Pages.Select(p => Set == Generated ? p.Url.Host : "bench").ToArray();
        for (var i = 0; i < _set.Pages.Count; i++)
        {
            var page = _set.Pages[i];
            var result = ExtractionPipeline.Default.Extract(new PageInput(page.Html, page.Url, InputFormat.Html) { SiteTemplate = SiteTemplate.Empty(keys[i]) });
            if (result.TemplateSample is { } sample)
            {
                sites.Observe(keys[i], sample);
            }
        }

        _models = [.. keys.Select(sites.For)];

        // In process, the case measured first would otherwise pay the JIT's tiering (and dynamic PGO) for both: run
        // both paths until it has settled, so neither method's figure depends on which BenchmarkDotNet runs first.
        for (var round = 0; round < WarmRounds; round++)
        {
            WithoutModel();
            WithModel();
        }
    }


    [Benchmark(Baseline = true)]
    public long WithoutModel()
    {
        long touched = 0;
        foreach (var page in _set.Pages)
        {
            touched += ExtractionPipeline.Default.Extract(new PageInput(page.Html, page.Url, InputFormat.Html)).Record?.Preview.Blocks.Count ?? -1;
        }

        return touched;
    }

    [Benchmark]
    public long WithModel()
    {
        long touched = 0;
        for (var i = 0; i < _set.Pages.Count; i++)
        {
            var page = _set.Pages[i];
            var input = new PageInput(page.Html, page.Url, InputFormat.Html) { SiteTemplate = _models[i] };
            touched += ExtractionPipeline.Default.Extract(input).Record?.Preview.Blocks.Count ?? -1;
        }

        return touched;
    }

    private static PageSet GeneratedSet()
    {
        GeneratedSite[] sites = [new("harbour.example"), new("valley.example", "Valley Courier")];
        var pages = sites.SelectMany(site => Enumerable.Range(0, 20).Select(i =>
        {
            var html = site.Page(i);
            return new BenchPage($"{site.Host}/{i}", html, site.Url(i), System.Text.Encoding.UTF8.GetByteCount(html));
        }));
        var set = new PageSet(Generated, [.. pages]);
        SetColumn.Register(set);
        return set;
    }
}
