using BenchmarkDotNet.Attributes;
using NewsIngest.Benchmarks.Templates;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// Extraction with a warm site template against extraction without one (the baseline), on the same pages in the same
/// run (<see cref="SiteTemplateCase"/>). On a loaded machine the <c>templates-cost</c> command, which interleaves the
/// two and compares thread CPU time, is the steadier measure of the same ratio.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SiteTemplateBenchmarks
{
    /// <summary>Rounds of both methods over the set in the setup, before any measurement.</summary>
    private const int WarmRounds = 10;

    private SiteTemplateCase _case = null!;

    [ParamsSource(nameof(SetNames))]
    public string Set { get; set; } = SiteTemplateCase.Generated;

    public static IEnumerable<string> SetNames => SiteTemplateCase.SetNames(Console.Out);

    [GlobalSetup]
    public void Setup()
    {
        _case = SiteTemplateCase.Load(Set);

        // In process, the case measured first would otherwise pay the JIT's tiering (and dynamic PGO) for both: run
        // both paths until it has settled, so neither method's figure depends on which BenchmarkDotNet runs first.
        for (var round = 0; round < WarmRounds; round++)
        {
            WithoutModel();
            WithModel();
        }
    }

    [Benchmark(Baseline = true)]
    public long WithoutModel() => _case.WithoutModel();

    [Benchmark]
    public long WithModel() => _case.WithModel();
}
