using System.Diagnostics;

namespace NewsIngest.Benchmarks.Stages;

/// <summary>Accumulated time and allocations of one named step across many pages.</summary>
internal sealed class StageTotals(string name)
{
    public string Name { get; } = name;

    public long Ticks { get; private set; }

    public long AllocatedBytes { get; private set; }

    /// <summary>Runs <paramref name="step"/> and adds its Stopwatch time and this thread's allocations.</summary>
    public void Measure(Action step)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        step();
        Ticks += Stopwatch.GetTimestamp() - start;
        AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
    }

    /// <summary>Adds another page set's totals of the same step.</summary>
    public void Add(StageTotals other)
    {
        Ticks += other.Ticks;
        AllocatedBytes += other.AllocatedBytes;
    }

    public double Milliseconds => Ticks * 1000.0 / Stopwatch.Frequency;
}
