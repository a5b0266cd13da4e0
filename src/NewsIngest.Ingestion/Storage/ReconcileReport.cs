namespace NewsIngest.Ingestion.Storage;

/// <summary>What start-up recovery did: torn lines moved aside, pending writes found in the output (committed) or
/// not (dropped, so the page is fetched and written again).</summary>
public sealed record ReconcileReport(IReadOnlyList<TornLine> TornLines, int Committed, int Dropped)
{
    public static ReconcileReport Nothing { get; } = new([], 0, 0);

    public bool DidAnything => TornLines.Count > 0 || Committed > 0 || Dropped > 0;
}
