using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Politeness;

/// <summary><see cref="IPolitenessMemory"/> over the host gate and the robots.txt cache of one process.</summary>
internal sealed class PolitenessMemory(HostGate gate, RobotsCache robots) : IPolitenessMemory
{
    public void Restore(PolitenessSnapshot saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        gate.Restore(saved.Hosts);
        robots.Restore(saved.Robots);
    }

    public void Share(ISharedRobotsVerdicts verdicts) => robots.Share(verdicts);

    public event Action? Urgent
    {
        add => gate.CooldownStarted += value;
        remove => gate.CooldownStarted -= value;
    }

    public PolitenessSnapshot TakeChanges()
    {
        var hosts = gate.TakeChanges();
        var verdicts = robots.TakeChanges();
        return hosts.Count == 0 && verdicts.Count == 0 ? PolitenessSnapshot.Empty : new PolitenessSnapshot(hosts, verdicts);
    }
}
