using BenchmarkDotNet.Running;
using NewsIngest.Benchmarks.Profiling;
using NewsIngest.Benchmarks.Records;
using NewsIngest.Benchmarks.Report;
using NewsIngest.Benchmarks.Stages;

// "report": a quick Stopwatch sanity check of throughput; "stages": the per-stage profile; "records": every corpus
// page's record and block roles, to diff before/after a change; "loop": extract in a loop for an external profiler
// (perf record -p); "neardup-eval" scores the near-duplicate rule on generated pairs; "e2e" and "politeness" run the built newsingest once as a child over loopback hosts; "workers" runs several newsingest run children on one PostgreSQL; "coldstart" starts published builds of a hello-world app and newsingest alternately and compares their start-up; "templates-cost" compares extraction
// with and without a site template, interleaved, on thread CPU time; "state-growth" measures the
// site-template and near-duplicate tables of a real state file; "state-protocol" the record protocol's cost per batch on SQLite and PostgreSQL; anything else goes to BenchmarkDotNet (e.g. --filter '*ExtractionBenchmarks*').
return args switch
{
    ["report", ..] => SanityReport.Run(Console.Out),
    ["stages", ..] => StageProfile.Run(Console.Out),
    ["records", ..] => RecordDump.Run(Console.Out, Console.Error),
    ["loop", ..] => ProfileLoop.Run(args, Console.Out),
    ["e2e", ..] => NewsIngest.Benchmarks.EndToEnd.EndToEndBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    ["neardup-eval", ..] => NewsIngest.Benchmarks.NearDuplicates.NearDuplicateEval.Run(args, Console.Out),
    ["politeness", ..] => NewsIngest.Benchmarks.Politeness.PolitenessBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    ["workers", ..] => NewsIngest.Benchmarks.Workers.WorkersBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    ["coldstart", ..] => NewsIngest.Benchmarks.ColdStart.ColdStartBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    ["templates-cost", ..] => NewsIngest.Benchmarks.Templates.TemplateCostCommand.Run(args, Console.Out),
    ["state-growth", ..] => NewsIngest.Benchmarks.State.StateGrowth.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    ["state-protocol", ..] => NewsIngest.Benchmarks.State.StateProtocolBenchmark.RunAsync(args, Console.Out).GetAwaiter().GetResult(),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
