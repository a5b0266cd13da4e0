using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// Samples a process until it exits: its peak resident set (VmHWM in /proc/&lt;pid&gt;/status, which the kernel keeps
/// as a high-water mark, so sampling only has to catch the process alive) and its CPU time (utime + stime in
/// /proc/&lt;pid&gt;/stat, the last value seen, at most one poll short). Linux only; elsewhere both stay 0.
/// </summary>
internal static class ChildSampler
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Polls <paramref name="process"/> every 50 ms until it exits; returns the peak VmHWM in KiB and the CPU seconds.</summary>
    public static async Task<(long PeakRssKiB, double CpuSeconds)> WatchAsync(Process process, CancellationToken cancellationToken)
    {
        var peak = 0L;
        var cpu = 0.0;
        var status = $"/proc/{process.Id}/status";
        var stat = $"/proc/{process.Id}/stat";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterKiB(status));
            cpu = Math.Max(cpu, ReadCpuSeconds(stat));
            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (peak, cpu);
    }

    private static long ReadHighWaterKiB(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended between HasExited and the read.
        }

        return 0;
    }

    private static double ReadCpuSeconds(string stat)
    {
        try
        {
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
            // state is field 3, utime field 14 and stime field 15.
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
