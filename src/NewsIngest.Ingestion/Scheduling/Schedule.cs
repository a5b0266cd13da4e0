using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace NewsIngest.Ingestion.Scheduling;

/// <summary>
/// When a source runs: a cron expression (5 fields, or 6 with seconds; Cronos, DST-aware) or a fixed interval
/// (<c>00:15:00</c>, or <c>90s</c>, <c>15m</c>, <c>2h</c>).
/// </summary>
public abstract partial class Schedule
{
    /// <summary>The shortest interval accepted; anything faster is a typo, not a schedule.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>The text the schedule was parsed from.</summary>
    public abstract string Text { get; }

    /// <summary>The first run strictly after <paramref name="after"/>, or null when there is none.</summary>
    public abstract DateTimeOffset? GetNextOccurrence(DateTimeOffset after);

    public override string ToString() => Text;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why in one line.</summary>
    public static bool TryParse(string? text, TimeZoneInfo timeZone, out Schedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is empty";
            return false;
        }

        if (TryParseInterval(trimmed, out var interval))
        {
            if (interval < MinimumInterval)
            {
                error = $"'{trimmed}' is shorter than {MinimumInterval.TotalSeconds:0} s";
                return false;
            }

            schedule = new IntervalSchedule(trimmed, interval);
            return true;
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            schedule = new CronSchedule(trimmed, CronExpression.Parse(trimmed, format), timeZone);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"'{trimmed}' is neither a cron expression nor an interval like 00:15:00 or 15m ({ex.Message.TrimEnd('.')})";
            return false;
        }
    }

    private static bool TryParseInterval(string text, out TimeSpan interval)
    {
        // "5" alone would parse as five days with TimeSpan.Parse; only colon forms and unit suffixes count.
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval);
        }

        var match = UnitInterval().Match(text);
        if (!match.Success)
        {
            interval = default;
            return false;
        }

        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        interval = match.Groups["u"].Value switch
        {
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[smhd])$")]
    private static partial Regex UnitInterval();
}
