using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Ingestion.Faults;

/// <summary>
/// Fault injection for the graceful-stop tests: with <c>NEWSINGEST_TEST_STOP_AT=point:n</c> in the environment the
/// process sends itself SIGTERM the n-th time it reaches <c>point</c> and carries on, so the stop lands at a known
/// moment (while a page is being extracted, after a counted number of records) instead of when a test's timer
/// happens to fire. The points: <see cref="Extracting"/> (a page's extraction is about to start),
/// <see cref="CrashPoint.Committed"/> (a batch of records committed). Unset, it costs one comparison.
/// </summary>
public static class StopPoint
{
    public const string Variable = "NEWSINGEST_TEST_STOP_AT";
    public const string Extracting = "extracting";

    private static readonly ArmedPoint Armed = new(Variable);

    /// <summary>
    /// Counts <paramref name="point"/>; the armed point's n-th time, sends SIGTERM to this process (with
    /// <c>kill</c>, waited for, so the signal is delivered before the caller goes on).
    /// </summary>
    public static void Reach(string point)
    {
        if (Armed.IsDue(point))
        {
            using var kill = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }
}
