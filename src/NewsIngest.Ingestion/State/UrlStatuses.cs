namespace NewsIngest.Ingestion.State;

/// <summary>
/// The <c>last_status</c> values that are not failures: <c>ok</c>, <c>not-modified</c> and <c>robots-denied</c>
/// (a refusal the site asked for). Everything else (<c>http-404</c>, <c>timeout</c>, <c>robots-unavailable</c>,
/// <c>extract-rejected</c>…) means the URL is failing.
/// </summary>
public static class UrlStatuses
{
    public const string Ok = "ok";

    public const string NotModified = "not-modified";

    public const string RobotsDenied = "robots-denied";

    public const string RobotsUnavailable = "robots-unavailable";

    /// <summary>A SQL condition on <c>last_status</c> that holds for failing URLs.</summary>
    public const string FailingSql = $"(last_status IS NOT NULL AND last_status NOT IN ('{Ok}', '{NotModified}', '{RobotsDenied}'))";

    /// <summary>True when <paramref name="status"/> says the URL's last fetch failed.</summary>
    public static bool IsFailure(string? status) => status is not (null or Ok or NotModified or RobotsDenied);
}
