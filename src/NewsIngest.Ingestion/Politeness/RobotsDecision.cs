using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>Whether robots.txt lets us fetch a URL; when not, the outcome to report and a one-line reason.</summary>
/// <param name="IsAllowed">True when the URL may be fetched.</param>
/// <param name="Outcome">RobotsDenied for a rule or a 5xx robots.txt; the network outcome when robots.txt was unreachable.</param>
/// <param name="Reason">Why it is not allowed.</param>
public sealed record RobotsDecision(bool IsAllowed, FetchOutcome Outcome = FetchOutcome.RobotsDenied, string? Reason = null)
{
    public static RobotsDecision Allowed { get; } = new(true);
}
