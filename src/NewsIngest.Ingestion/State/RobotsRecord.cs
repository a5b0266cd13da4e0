namespace NewsIngest.Ingestion.State;

/// <summary>
/// A cached robots.txt verdict of one origin kept in the state, so a cron <c>once</c> does not fetch robots.txt again
/// before its time to live ends.
/// </summary>
public sealed record RobotsRecord
{
    /// <summary>The origin, e.g. <c>https://example.com</c> (scheme, host, non-default port).</summary>
    public required string Origin { get; init; }

    /// <summary>The robots.txt text as fetched (cut to the parse limit); null when there is none to parse.</summary>
    public string? Text { get; init; }

    /// <summary>Without text: true when everything is disallowed (robots.txt unreachable), false when all is allowed.</summary>
    public bool DisallowAll { get; init; }

    /// <summary>Until when the verdict holds; after that robots.txt is fetched again.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>What a refused page's outcome is (<c>RobotsDenied</c> or <c>RobotsUnavailable</c>).</summary>
    public string DeniedOutcome { get; init; } = "RobotsDenied";

    /// <summary>Why the origin is refused when robots.txt was unreachable; null otherwise.</summary>
    public string? Reason { get; init; }
}
