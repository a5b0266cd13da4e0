using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// A cached robots.txt verdict for one origin: the rules, until when they hold, and why if unreachable; the text they
/// were parsed from (null for allow-all and disallow-all), so the state can keep the verdict across restarts.
/// </summary>
internal sealed record RobotsEntry(
    RobotsTxt Robots, DateTimeOffset ExpiresAt, FetchOutcome DeniedOutcome = FetchOutcome.RobotsDenied, string? Reason = null, string? Text = null);
