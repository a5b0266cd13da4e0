using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Ingestion.Faults;

/// <summary>
/// Fault injection for the multi-worker tests: with <c>NEWSINGEST_TEST_PAUSE_AT=point:n</c> in the environment the
/// process stops itself (SIGSTOP) the n-th time it reaches <c>point</c>, and goes on where it was when the test sends
/// SIGCONT, so a worker is frozen at an exact step of the write protocol (<see cref="CrashPoint.Appended"/>: its batch
/// appended, not yet committed) for longer than its leases, instead of wherever a timed SIGSTOP happens to land.
/// Unset (always, outside tests) it costs one comparison per batch.
/// </summary>
public static class PausePoint
{
    public const string Variable = "NEWSINGEST_TEST_PAUSE_AT";

    private static readonly ArmedPoint Armed = new(Variable);

    /// <summary>Counts <paramref name="point"/>; the armed point's n-th time, stops this process until SIGCONT.</summary>
    public static void Reach(string point)
    {
        if (Armed.IsDue(point))
        {
            using var kill = Process.Start("kill", ["-STOP", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }
}
