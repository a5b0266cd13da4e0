using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Politeness' state that outlives the process: each host's pacing, cooldown and failure streak, and the robots.txt
/// verdicts. The runtime hands it what an <see cref="IHostStateStore"/> kept at start and saves its changes in batches.
/// </summary>
public interface IPolitenessMemory
{
    /// <summary>Takes up what a previous process kept (expired robots.txt verdicts are left out).</summary>
    void Restore(PolitenessSnapshot saved);

    /// <summary>What changed since the last call (empty when nothing did).</summary>
    PolitenessSnapshot TakeChanges();

    /// <summary>
    /// Several workers share the state: a robots.txt verdict not held here is asked of <paramref name="verdicts"/>
    /// before robots.txt is fetched, and one fetched here is published there at once (not with the next batch).
    /// </summary>
    void Share(ISharedRobotsVerdicts verdicts);

    /// <summary>A change too costly to lose to a kill happened (a host's cooldown started): save now.</summary>
    event Action? Urgent;
}
