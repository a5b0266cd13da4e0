using NewsIngest.Benchmarks.Benchmarks;
using NewsIngest.Benchmarks.Pages;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.Templates;

/// <summary>
/// One page set with the site template each page is extracted with: the model is learned from the set itself first.
/// For the generated set (two hosts of 20 pages) it knows and removes each page's template blocks; a corpus set counts
/// as one site, so its model is warm but knows little and the case measures what the stage itself costs
/// (fingerprinting every candidate block, the lookups).
/// </summary>
internal sealed class SiteTemplateCase
{
    public const string Generated = "generated";

    private readonly SiteTemplate[] _models;

    private SiteTemplateCase(PageSet set, SiteTemplate[] models)
    {
        Set = set;
        _models = models;
    }

    public PageSet Set { get; }

    /// <summary>The generated set, then every corpus set whose files exist.</summary>
    public static IEnumerable<string> SetNames(TextWriter log) => [Generated, .. PageSetLoader.AvailableSetNames(log)];

    public static SiteTemplateCase Load(string name)
    {
        var set = name == Generated ? GeneratedSet() : PageSetLoader.Load(name);
        var sites = new SiteTemplateSet();
        var keys = set.Pages.Select(p => name == Generated ? p.Url.Host : "bench").ToArray();
        for (var i = 0; i < set.Pages.Count; i++)
        {
            var page = set.Pages[i];
            var result = ExtractionPipeline.Default.Extract(new PageInput(page.Html, page.Url, InputFormat.Html) { SiteTemplate = SiteTemplate.Empty(keys[i]) });
            if (result.TemplateSample is { } sample)
            {
                sites.Observe(keys[i], sample);
            }
        }

        return new SiteTemplateCase(set, [.. keys.Select(sites.For)]);
    }

    /// <summary>Extracts every page without a model; returns a checksum of the work so none of it is elided.</summary>
    public long WithoutModel()
    {
        long touched = 0;
        foreach (var page in Set.Pages)
        {
            touched += ExtractionPipeline.Default.Extract(new PageInput(page.Html, page.Url, InputFormat.Html)).Record?.Preview.Blocks.Count ?? -1;
        }

        return touched;
    }

    /// <summary>Extracts every page with its site's model.</summary>
    public long WithModel()
    {
        long touched = 0;
        for (var i = 0; i < Set.Pages.Count; i++)
        {
            var page = Set.Pages[i];
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
