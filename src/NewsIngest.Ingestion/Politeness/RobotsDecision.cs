using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>Whether robots.txt lets us fetch a URL; when not, the outcome to report and a one-line reason.</summary>
/// <param name="IsAllowed">True when the URL may be fetched.</param>
/// <param name="Outcome">RobotsDenied for a rule; RobotsUnavailable for a 5xx, 429 or timeout on robots.txt; the network outcome when the host is unreachable.</param>
/// <param name="Reason">Why it is not allowed.</param>
public sealed record RobotsDecision(bool IsAllowed, FetchOutcome Outcome = FetchOutcome.RobotsDenied, string? Reason = null)
{
    public static RobotsDecision Allowed { get; } = new(true);
}
