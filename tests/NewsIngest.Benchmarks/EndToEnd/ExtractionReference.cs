using System.Diagnostics;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// The extraction-only rate on the very pages the server serves, in this process: decode then
/// <c>ExtractionPipeline.Default.Extract</c>, the same two steps a pass runs per page, without HTTP, state or output.
/// </summary>
internal static class ExtractionReference
{
    /// <summary>
    /// Pages per second over all <paramref name="pages"/> with <paramref name="threads"/> workers (after a warm-up),
    /// and the CPU time this process spent per page meanwhile.
    /// </summary>
    public static (double PagesPerSecond, double CpuMsPerPage) Measure(IReadOnlyList<(string Url, byte[] Body)> pages, int threads)
    {
        // Tiered JIT optimises hot methods only after they have run a while: warm up before timing.
        for (var round = 0; round < 3; round++)
        {
            foreach (var page in pages.Take(150))
            {
                Extract(page);
            }
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var failures = 0;
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = threads }, page =>
        {
            if (!Extract(page))
            {
                Interlocked.Increment(ref failures);
            }
        });
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (failures > 0)
        {
            Console.Error.WriteLine($"e2e: {failures} generated pages did not extract in-process");
        }

        return (pages.Count / clock.Elapsed.TotalSeconds, cpu.TotalMilliseconds / pages.Count);
    }

    private static bool Extract((string Url, byte[] Body) page)
    {
        var text = PageDecoder.Decode(page.Body, "utf-8").Text;
        return ExtractionPipeline.Default.Extract(new PageInput(text, new Uri(page.Url))).IsSuccess;
    }
}
