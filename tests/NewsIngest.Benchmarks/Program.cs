using BenchmarkDotNet.Running;
using NewsIngest.Benchmarks.Report;
using NewsIngest.Benchmarks.Stages;

// "report": a quick Stopwatch sanity check of throughput; "stages": the per-stage profile; anything else goes to
// BenchmarkDotNet (e.g. --filter '*ExtractionBenchmarks*').
return args switch
{
    ["report", ..] => SanityReport.Run(Console.Out),
    ["stages", ..] => StageProfile.Run(Console.Out),
    ["e2e", ..] => NewsIngest.Benchmarks.EndToEnd.EndToEndBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
