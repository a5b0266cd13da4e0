namespace NewsIngest.Ingestion.State;

/// <summary>
/// Where host state (pacing, cooldowns, failure streaks, robots.txt verdicts) outlives the process. Beside
/// <see cref="IStateStore"/>, and small, so a shared database can keep it for several workers without the scheduler
/// changing: politeness reads it once at start and hands back what changed, in batches.
/// </summary>
public interface IHostStateStore
{
    /// <summary>Every host and robots.txt record kept.</summary>
    Task<PolitenessSnapshot> LoadPolitenessAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the given records in one transaction; it need not be on disk when this returns (a kill must
    /// not lose it, a power cut may: the worst is one request to a host that was cooling down).
    /// </summary>
    Task SavePolitenessAsync(PolitenessSnapshot changes, CancellationToken cancellationToken);
}
