using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Fault injection for the crash-safety tests: with <c>NEWSINGEST_TEST_CRASH_AT=point:n</c> in the environment the
/// process kills itself with SIGKILL the n-th time it reaches <c>point</c>, so a test kills a run at an exact step
/// of the write protocol instead of hoping a timed kill lands mid-pass. Unset (always, outside tests) it costs one
/// comparison per batch. The points are the steps of <see cref="RecordBatchWriter"/>: <see cref="PendingRecorded"/>,
/// <see cref="MidAppend"/> (half of a batch's bytes written and flushed: a torn line), <see cref="Appended"/>,
/// <see cref="Committed"/>.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "NEWSINGEST_TEST_CRASH_AT";
    public const string PendingRecorded = "pending-recorded";
    public const string MidAppend = "mid-append";
    public const string Appended = "appended";
    public const string Committed = "committed";

    private static readonly (string Point, int Count)? Armed = Parse(Environment.GetEnvironmentVariable(Variable));
    private static int _reached;

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
    public static bool IsDue(string point) =>
        Armed is { } armed && armed.Point == point && Interlocked.Increment(ref _reached) == armed.Count;

    /// <summary>SIGKILL to this process: nothing after it runs.</summary>
    public static void Die()
    {
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, int)? Parse(string? value)
    {
        var parts = value?.Split(':');
        return parts is [var point, var count] && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? (point, n)
            : null;
    }
}
