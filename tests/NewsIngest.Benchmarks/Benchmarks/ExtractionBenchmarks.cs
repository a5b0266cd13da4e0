using BenchmarkDotNet.Attributes;
using NewsIngest.Benchmarks.Pages;
using NewsIngest.Benchmarks.Pipeline;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// Parse alone (the baseline) against the full extraction, on the same pages in the same run. One operation is a
/// whole page set in a loop, so the Mean is per set; the Pages/s and MB/s columns divide it out.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ExtractionBenchmarks
{
    private PageSet _set = null!;

    /// <summary>The page set of this case: samples, or the first pages of trafilatura, readability, fundus or wcxb.</summary>
    [ParamsSource(nameof(SetNames))]
    public string Set { get; set; } = PageSetLoader.Samples;

    /// <summary>The sets whose files exist here; a missing corpus is reported and left out.</summary>
    public static IEnumerable<string> SetNames => PageSetLoader.AvailableSetNames(Console.Out);

    [GlobalSetup]
    public void Setup() => _set = PageSetLoader.Load(Set);

    /// <summary>AngleSharp's parse with the pipeline's own parser instance.</summary>
    [Benchmark(Baseline = true)]
    public long Parse() => PageWork.ParseAll(_set);

    /// <summary><c>ExtractionPipeline.Default.Extract</c> on HTML input: parse and every later stage.</summary>
    [Benchmark]
    public long Extract() => PageWork.ExtractAll(_set);
}
