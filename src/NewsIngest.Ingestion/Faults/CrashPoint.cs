using System.Diagnostics;

namespace NewsIngest.Ingestion.Faults;

/// <summary>
/// Fault injection for the crash-safety tests: with <c>NEWSINGEST_TEST_CRASH_AT=point:n</c> in the environment the
/// process kills itself with SIGKILL the n-th time it reaches <c>point</c>, so a test kills a run at an exact step
/// of the write protocol instead of hoping a timed kill lands mid-pass. Unset (always, outside tests) it costs one
/// comparison per batch. The points are the steps of <see cref="Storage.RecordBatchWriter"/>:
/// <see cref="PendingRecorded"/>, <see cref="MidAppend"/> (half of a batch's bytes written and flushed: a torn line),
/// <see cref="Appended"/>, <see cref="Committed"/>; and <see cref="PassClaimed"/> of <c>run</c> with several workers.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "NEWSINGEST_TEST_CRASH_AT";
    public const string PendingRecorded = "pending-recorded";
    public const string MidAppend = "mid-append";
    public const string Appended = "appended";
    public const string Committed = "committed";

    /// <summary>A worker of <c>run</c> has claimed a source's due pass and not read the source yet.</summary>
    public const string PassClaimed = "pass-claimed";

    private static readonly ArmedPoint Armed = new(Variable);

    /// <summary>Counts <paramref name="point"/>; kills the process when it is the armed point's n-th time.</summary>
    public static void Reach(string point)
    {
        if (IsDue(point))
        {
            Die();
        }
    }

    /// <summary>
    /// Counts <paramref name="point"/>; true when it is the armed point's n-th time, for a caller that does something
    /// first (a torn write) and then calls <see cref="Die"/>.
    /// </summary>
    public static bool IsDue(string point) => Armed.IsDue(point);

    /// <summary>SIGKILL to this process: nothing after it runs.</summary>
    public static void Die()
    {
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }
}
