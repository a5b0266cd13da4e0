using NewsIngest.Evaluation.Corpora;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Evaluation.Running;

/// <summary>
/// The first of eval's two passes: every page extracted with an empty model gives its sample; the samples are counted
/// per site in the corpus's page order (so the models do not depend on thread timing); each page then gets its site's model.
/// </summary>
internal static class SiteTemplateLearning
{
    public static SiteTemplate[] Learn(IReadOnlyList<CorpusPage> pages, Func<PageInput, ExtractionResult> extract, ParallelOptions parallel)
    {
        var samples = new (string Site, PageSample? Sample)[pages.Count];
        Parallel.For(0, pages.Count, parallel, i => samples[i] = Sample(pages[i], extract));
        var set = new SiteTemplateSet();
        foreach (var (site, sample) in samples)
        {
            if (sample is not null)
            {
                set.Observe(site, sample);
            }
        }

        return [.. samples.Select(s => set.For(s.Site))];
    }

    private static (string Site, PageSample? Sample) Sample(CorpusPage page, Func<PageInput, ExtractionResult> extract)
    {
        var directory = "dir:" + Path.GetDirectoryName(Path.GetFullPath(page.PagePath));
        try
        {
            var text = PageDecoder.Decode(GzipFile.ReadAllBytes(page.PagePath)).Text;
            var result = extract(new PageInput(text, page.Url) { SiteTemplate = SiteTemplate.Empty(directory) });
            var site = SiteTemplateSet.SiteOf(page.Url?.AbsoluteUri, result.Record?.CanonicalUrl) ?? directory;
            return (site, result.TemplateSample);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreadable or crashing page teaches nothing; its own evaluation reports it.
            return (directory, null);
        }
    }
}
