using NewsIngest.Benchmarks.Pages;
using NewsIngest.Extraction;

namespace NewsIngest.Benchmarks.Pipeline;

/// <summary>The two measured operations over a page set, shared by the benchmark and the sanity report.</summary>
internal static class PageWork
{
    /// <summary>AngleSharp's parse alone with the pipeline's own parser; returns a value that depends on the DOM.</summary>
    public static long ParseAll(PageSet set)
    {
        long touched = 0;
        foreach (var page in set.Pages)
        {
            // The pipeline does not dispose its document either, so neither does the baseline.
            var document = PipelineInternals.Parser.ParseDocument(page.Html);
            touched += document.Body?.ChildElementCount ?? 0;
        }

        return touched;
    }

    /// <summary>The full public extraction of every page; returns a value that depends on the records.</summary>
    public static long ExtractAll(PageSet set)
    {
        long touched = 0;
        foreach (var page in set.Pages)
        {
            var result = ExtractionPipeline.Default.Extract(new PageInput(page.Html, page.Url, InputFormat.Html));
            touched += result.Record?.Preview.Blocks.Count ?? -1;
        }

        return touched;
    }
}
