using System.Globalization;

namespace NewsIngest.Benchmarks;

/// <summary>Number formats shared by the columns and the text reports, invariant so figures read the same anywhere.</summary>
internal static class Formats
{
    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    public static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.00", Culture);

    /// <summary>Amount per second, or "-" when there is no time to divide by.</summary>
    public static string Rate(double amount, double? seconds) =>
        seconds is > 0 ? (amount / seconds.Value).ToString("0.0", Culture) : "-";

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to say how busy the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
