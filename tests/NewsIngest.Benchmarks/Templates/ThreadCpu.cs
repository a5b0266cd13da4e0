using System.Runtime.InteropServices;

namespace NewsIngest.Benchmarks.Templates;

/// <summary>
/// CPU time of the calling thread, from <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>: unlike wall time it does not
/// grow while the thread waits for a core another process holds, so two measurements taken on a shared, loaded
/// machine compare the work done rather than the load at that moment.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The thread's CPU time so far, in seconds.</summary>
    public static double Seconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return time.Seconds + (time.Nanoseconds / 1e9);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
