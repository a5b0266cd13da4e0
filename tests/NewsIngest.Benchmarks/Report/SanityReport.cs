using System.Diagnostics;
using NewsIngest.Benchmarks.Pages;
using NewsIngest.Benchmarks.Pipeline;

namespace NewsIngest.Benchmarks.Report;

/// <summary>
/// The <c>report</c> command: a quick Stopwatch run of parse and extract per page set, printing pages, bytes and the
/// derived pages/s and MB/s. A sanity check that the BenchmarkDotNet figures are in the right range, not a substitute.
/// </summary>
internal static class SanityReport
{
    private const int Passes = 3;

    public static int Run(TextWriter output)
    {
        var sets = PageSetLoader.LoadAvailable(output);
        WarmUp.Run(sets);
        output.WriteLine($"SANITY CHECK (Stopwatch, 3 warm-up rounds over all sets, then 1 + {Passes} passes per operation; NOT the benchmark)");
        output.WriteLine($"cores {Environment.ProcessorCount}, load average {Formats.LoadAverage()}");
        output.WriteLine();
        output.WriteLine($"{"set",-12} {"pages",6} {"MB",7} | {"parse ms",9} {"pages/s",8} {"MB/s",7} | {"extract ms",10} {"pages/s",8} {"MB/s",7} | {"ratio",6}");
        foreach (var set in sets)
        {
            var parse = Time(() => PageWork.ParseAll(set)) / set.Pages.Count;
            var extract = Time(() => PageWork.ExtractAll(set)) / set.Pages.Count;
            // Times are per page here, so "pages/s" is 1/time and MB/s uses the mean page size.
            var mbPerPage = set.TotalBytes / 1e6 / set.Pages.Count;
            output.WriteLine(string.Create(Formats.Culture,
                $"{set.Name,-12} {set.Pages.Count,6} {Formats.Megabytes(set.TotalBytes),7} | " +
                $"{parse * 1000 * set.Pages.Count,9:0.0} {1 / parse,8:0.0} {mbPerPage / parse,7:0.00} | " +
                $"{extract * 1000 * set.Pages.Count,10:0.0} {1 / extract,8:0.0} {mbPerPage / extract,7:0.00} | " +
                $"{extract / parse,6:0.00}"));
        }

        output.WriteLine();
        output.WriteLine("ms = mean wall time of one pass over the whole set; MB = 10^6 bytes of undecoded HTML.");
        return 0;
    }

    /// <summary>Mean seconds of one pass after one untimed warm-up pass (JIT, caches).</summary>
    private static double Time(Func<long> pass)
    {
        GC.KeepAlive(pass());
        GC.Collect();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Passes; i++)
        {
            GC.KeepAlive(pass());
        }

        return watch.Elapsed.TotalSeconds / Passes;
    }
}
