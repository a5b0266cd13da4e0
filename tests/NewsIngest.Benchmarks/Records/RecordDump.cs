using NewsIngest.Benchmarks.Pages;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Serialization;

namespace NewsIngest.Benchmarks.Records;

/// <summary>
/// Writes, for every page of every available set (all corpus pages, not the benchmark's sample), one line with the
/// compact record and one line per block with its role, type and reason. Two dumps taken before and after a
/// performance change must be byte-identical: that is how "behaviour did not change" is checked beyond the samples.
/// </summary>
internal static class RecordDump
{
    public static int Run(TextWriter output, TextWriter log)
    {
        var pages = 0;
        foreach (var name in PageSetLoader.AvailableSetNames(log))
        {
            foreach (var page in PageSetLoader.Load(name, everyPage: true).Pages)
            {
                pages++;
                output.WriteLine($"== {name}/{page.Name}");
                var result = ExtractionPipeline.Default.Explain(new PageInput(page.Html, page.Url, InputFormat.Html), out var trace);
                output.WriteLine(result.IsSuccess ? RecordJson.Serialize(result.Record!, indented: false) : "error: " + result.Error);
                foreach (var block in trace)
                {
                    output.WriteLine($"{block.Index}\t{block.Role}\t{block.Type}\t{block.Reason}\t{block.Text}");
                }
            }
        }

        log.WriteLine($"[bench] dumped {pages} pages");
        return 0;
    }
}
