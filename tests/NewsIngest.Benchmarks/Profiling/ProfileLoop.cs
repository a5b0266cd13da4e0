using System.Diagnostics;
using NewsIngest.Benchmarks.Pages;
using NewsIngest.Benchmarks.Pipeline;

namespace NewsIngest.Benchmarks.Profiling;

/// <summary>
/// The <c>loop</c> command, for an external sampling profiler: warms up like <c>stages</c>, prints
/// <c>[loop] ready pid=N</c>, waits two seconds (time to attach <c>perf record -p N</c>), then runs extract (or parse,
/// with <c>loop parse</c>) over all sets (or the sets named, <c>loop 15 wcxb</c>) for the given number of seconds
/// (default 20). Nothing is timed here.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string[] args, TextWriter output)
    {
        var parseOnly = args.Contains("parse");
        var seconds = args.Select(a => int.TryParse(a, out var s) ? s : 0).FirstOrDefault(s => s > 0, 20);
        var sets = PageSetLoader.LoadAvailable(output);
        if (sets.Where(s => args.Contains(s.Name)).ToList() is { Count: > 0 } named)
        {
            sets = named;
        }

        WarmUp.Run(sets);
        output.WriteLine($"[loop] ready pid={Environment.ProcessId}");
        output.Flush();
        Thread.Sleep(2000);
        var clock = Stopwatch.StartNew();
        long touched = 0, rounds = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var set in sets)
            {
                touched += parseOnly ? PageWork.ParseAll(set) : PageWork.ExtractAll(set);
            }

            rounds++;
        }

        output.WriteLine($"[loop] {rounds} rounds of {(parseOnly ? "parse" : "extract")} in {clock.Elapsed.TotalSeconds:0.0} s ({touched})");
        return 0;
    }
}
