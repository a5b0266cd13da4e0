namespace NewsIngest.Ingestion.State;

/// <summary>Host and robots.txt records, as loaded from the state or as changed since the last save.</summary>
/// <param name="Hosts">Per host: pacing, cooldown, failure streak.</param>
/// <param name="Robots">Per origin: the cached robots.txt verdict.</param>
public sealed record PolitenessSnapshot(IReadOnlyList<HostRecord> Hosts, IReadOnlyList<RobotsRecord> Robots)
{
    /// <summary>Nothing.</summary>
    public static PolitenessSnapshot Empty { get; } = new([], []);

    /// <summary>True when there is nothing to save.</summary>
    public bool IsEmpty => Hosts.Count == 0 && Robots.Count == 0;
}
