namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>What one <c>newsingest once</c> child process did: exit code, summary line, wall time, peak RSS, CPU time.</summary>
internal sealed record ChildRun(
    int ExitCode, string Summary, string StderrTail, TimeSpan Wall, long PeakRssKiB, double CpuSeconds, int RecordLines);
