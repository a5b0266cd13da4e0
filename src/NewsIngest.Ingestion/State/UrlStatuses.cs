namespace NewsIngest.Ingestion.State;

/// <summary>
/// The <c>last_status</c> values that are not failures: <c>ok</c>, <c>not-modified</c>, <c>robots-denied</c>
/// (a refusal the site asked for) and <c>deferred</c> (left for the next pass while its host cools down). Everything else (<c>http-404</c>, <c>timeout</c>, <c>robots-unavailable</c>,
/// <c>extract-rejected</c>…) means the URL is failing.
/// </summary>
public static class UrlStatuses
{
    public const string Ok = "ok";

    public const string NotModified = "not-modified";

    public const string RobotsDenied = "robots-denied";

    public const string RobotsUnavailable = "robots-unavailable";

    /// <summary>
    /// Not fetched: its host's next allowed start (a cooldown) lay beyond <c>Pass:MaxHostWait</c>, so the page waits
    /// for the next pass. Not a failure; <c>last_error</c> says why and until when.
    /// </summary>
    public const string Deferred = "deferred";

    /// <summary>
    /// The committed record of the URL's latest version was found cut short (or damaged) in the output at start and moved
    /// aside: the URL was set back to the version before it, without validators, so the next pass fetches the page whole
    /// and writes that version again. A failure until then; <c>last_error</c> names the version.
    /// </summary>
    public const string RecordTorn = "record-torn";

    /// <summary>A SQL condition on <c>last_status</c> that holds for failing URLs.</summary>
    public const string FailingSql = $"(last_status IS NOT NULL AND last_status NOT IN ('{Ok}', '{NotModified}', '{RobotsDenied}', '{Deferred}'))";

    /// <summary>True when <paramref name="status"/> says the URL's last fetch failed.</summary>
    public static bool IsFailure(string? status) => status is not (null or Ok or NotModified or RobotsDenied or Deferred);
}
