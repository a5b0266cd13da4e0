namespace NewsIngest.Ingestion.State;

/// <summary>
/// robots.txt verdicts where several workers see them at once (the PostgreSQL state), so one worker's fetch of a
/// host's robots.txt serves every worker, as the cache does within one process: a worker that takes a host over asks
/// here before fetching it again. <see cref="IHostStateStore"/> keeps them across restarts; this is the live lookup.
/// </summary>
public interface ISharedRobotsVerdicts
{
    /// <summary>The verdict kept for <paramref name="origin"/> (scheme, host and port) that has not expired, or null.</summary>
    Task<RobotsRecord?> FindRobotsAsync(string origin, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="verdict"/> for every worker, replacing its origin's older one.</summary>
    Task PublishRobotsAsync(RobotsRecord verdict, CancellationToken cancellationToken);
}
