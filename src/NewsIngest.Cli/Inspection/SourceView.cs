using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Scheduling;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// One configured source as <c>status</c> shows it: its schedule, its last pass, the next pass its schedule gives
/// after that one (as <c>run</c> computes it: the next occurrence after the last pass finished, or after now when
/// none ran; <see cref="Overdue"/> when that time is past, i.e. no <c>run</c> is keeping the schedule), and the URLs,
/// records and failing URLs the state holds for it.
/// </summary>
public sealed record SourceView(
    string Name, string Schedule, PassView? LastPass, DateTimeOffset? NextPassAt, bool Overdue, int Urls, long Records, int Failing)
{
    public static SourceView Of(string name, Schedule schedule, PassRecord? last, SourceTotals? totals, DateTimeOffset now)
    {
        var next = schedule.GetNextOccurrence(last?.FinishedAt ?? now);
        return new SourceView(
            name, schedule.Text, last is null ? null : PassView.Of(last), next, next < now,
            totals?.Urls ?? 0, totals?.Records ?? 0, totals?.Failing ?? 0);
    }
}

/// <summary>A source's share of a pass as <c>status --json</c> prints it.</summary>
public sealed record PassView(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double DurationSeconds, bool Interrupted,
    int Pages, int Fetched, int New, int Changed, int Unchanged, int NotModified, int Failed, int RobotsDenied,
    int RobotsUnavailable, int Paywalled, int Skipped, IReadOnlyList<string> Problems, int Deferred)
{
    public static PassView Of(PassRecord pass)
    {
        PassSummary s = pass.Summary;
        return new PassView(
            pass.StartedAt, pass.FinishedAt, Math.Round(s.Duration.TotalSeconds, 3), s.Interrupted, s.Pages, s.Fetched, s.New,
            s.Changed, s.Unchanged, s.NotModified, s.Failed, s.RobotsDenied, s.RobotsUnavailable, s.Paywalled, s.Skipped, s.Problems, s.Deferred);
    }
}
