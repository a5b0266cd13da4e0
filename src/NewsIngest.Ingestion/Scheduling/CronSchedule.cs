using Cronos;

namespace NewsIngest.Ingestion.Scheduling;

/// <summary>A cron schedule evaluated in a time zone (Cronos handles DST gaps and overlaps like Vixie cron).</summary>
internal sealed class CronSchedule(string text, CronExpression expression, TimeZoneInfo timeZone) : Schedule
{
    public override string Text { get; } = text;

    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after) =>
        expression.GetNextOccurrence(after, timeZone, inclusive: false);
}
