namespace NewsIngest.Evaluation.Paywalls;

/// <summary>One corpus of a paywall audit: how many pages got each verdict, and the paywalled ones in name order.</summary>
public sealed record PaywallAuditCorpus(string Name, int Pages, int Free, int Unknown, int Failed, IReadOnlyList<PaywallAuditEntry> Paywalled)
{
    /// <summary>Paywalled pages whose verdict is suspect (<see cref="PaywallAuditEntry.Suspect"/>).</summary>
    public int Suspect => Paywalled.Count(p => p.Suspect);
}
