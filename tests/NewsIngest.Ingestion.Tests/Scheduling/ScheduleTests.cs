using NewsIngest.Ingestion.Scheduling;

namespace NewsIngest.Ingestion.Tests.Scheduling;

public sealed class ScheduleTests
{
    private static readonly DateTimeOffset Noonish = new(2026, 11, 28, 12, 7, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-28T12:15:00+00:00")]
    [InlineData("0 6 * * *", "2026-11-29T06:00:00+00:00")]
    [InlineData("*/20 * * * * *", "2026-11-28T12:07:40+00:00")]
    [InlineData("@hourly", "2026-11-28T13:00:00+00:00")]
    [InlineData("00:15:00", "2026-11-28T12:22:30+00:00")]
    [InlineData("15m", "2026-11-28T12:22:30+00:00")]
    [InlineData("90s", "2026-11-28T12:09:00+00:00")]
    [InlineData("2h", "2026-11-28T14:07:30+00:00")]
    public void Parses_cron_expressions_and_intervals_and_finds_the_next_run(string text, string expected)
    {
        Assert.True(Schedule.TryParse(text, TimeZoneInfo.Utc, out var schedule, out var error), error);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule!.GetNextOccurrence(Noonish));
    }

    [Fact]
    public void Cron_runs_in_the_configured_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.True(Schedule.TryParse("0 6 * * *", berlin, out var schedule, out _));

        // 06:00 in Berlin in winter is 05:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero), schedule!.GetNextOccurrence(Noonish)!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("every 5 minutes", "is neither a cron expression nor an interval")]
    [InlineData("5", "is neither a cron expression nor an interval")]
    [InlineData("61 * * * *", "is neither a cron expression nor an interval")]
    [InlineData("00:00:00", "is shorter than 1 s")]
    [InlineData("  ", "is empty")]
    public void Refuses_what_is_not_a_schedule_with_a_reason(string text, string reason)
    {
        Assert.False(Schedule.TryParse(text, TimeZoneInfo.Utc, out var schedule, out var error));

        Assert.Null(schedule);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
