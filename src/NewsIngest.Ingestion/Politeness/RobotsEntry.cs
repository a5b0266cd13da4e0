using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>A cached robots.txt verdict for one origin: the rules, until when they hold, and why if unreachable.</summary>
internal sealed record RobotsEntry(RobotsTxt Robots, DateTimeOffset ExpiresAt, FetchOutcome DeniedOutcome = FetchOutcome.RobotsDenied, string? Reason = null);
