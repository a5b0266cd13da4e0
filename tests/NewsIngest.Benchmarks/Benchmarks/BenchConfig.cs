using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// A short job for 2 busy shared cores: one launch, 2 warm-up and 8 measured iterations, run in process (no generated
/// project to build, which on this machine costs more than the measurement). Adds the per-set throughput columns.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short-InProcess"));
        AddColumn(
            new SetColumn("Pages", "Pages in the set", (set, _) => set.Pages.Count.ToString(Formats.Culture)),
            new SetColumn("MB", "Set size, 10^6 bytes of undecoded HTML", (set, _) => Formats.Megabytes(set.TotalBytes)),
            new SetColumn("Pages/s", "Pages per second: Pages / Mean", (set, mean) => Formats.Rate(set.Pages.Count, mean)),
            new SetColumn("MB/s", "Undecoded MB per second: MB / Mean", (set, mean) => Formats.Rate(set.TotalBytes / 1e6, mean)));
    }
}
