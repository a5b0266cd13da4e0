using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// Samples a process's peak resident set (VmHWM in /proc/&lt;pid&gt;/status, which the kernel keeps as a high-water
/// mark, so sampling only has to catch the process alive) until it exits. Linux only; elsewhere the peak stays 0.
/// </summary>
internal static class PeakRss
{
    /// <summary>Polls <paramref name="process"/> every 50 ms until it exits; returns the largest VmHWM seen, in KiB.</summary>
    public static async Task<long> WatchAsync(Process process, CancellationToken cancellationToken)
    {
        var peak = 0L;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterKiB(status));
            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
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
        catch (IOException)
        {
            // The process ended between HasExited and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
