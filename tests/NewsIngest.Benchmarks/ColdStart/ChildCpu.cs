using System.Runtime.InteropServices;

namespace NewsIngest.Benchmarks.ColdStart;

/// <summary>
/// CPU time (user + system) of every child process reaped so far, from <c>getrusage(RUSAGE_CHILDREN)</c>: the
/// difference around one child that ran alone is that child's CPU, exact to the kernel's accounting (no polling of a
/// process that lives 50 ms). .NET reaps its children itself, so a child is counted once it has exited.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>True where getrusage exists (Linux, macOS).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>The CPU seconds of all reaped children of this process.</summary>
    public static double ReapedSeconds()
    {
        if (getrusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    /// <summary>The head of <c>struct rusage</c> on 64-bit Linux: two <c>struct timeval</c>, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }
}
