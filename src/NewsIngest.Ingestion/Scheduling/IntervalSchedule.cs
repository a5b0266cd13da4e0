namespace NewsIngest.Ingestion.Scheduling;

/// <summary>A fixed interval between the end of one run and the start of the next.</summary>
internal sealed class IntervalSchedule(string text, TimeSpan interval) : Schedule
{
    public override string Text { get; } = text;

    public TimeSpan Interval { get; } = interval;

    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after) => after + Interval;
}
