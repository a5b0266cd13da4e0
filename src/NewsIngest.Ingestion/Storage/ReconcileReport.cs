namespace NewsIngest.Ingestion.Storage;

/// <summary>What start-up recovery did: torn lines moved aside, pending writes found in the output (committed) or
/// not (dropped, so the page is fetched and written again), lines of the last file that are not records moved aside
/// (<see cref="BadLines"/>), and URLs whose committed latest record was among the lines moved, set back so they are
/// fetched again (<see cref="TornRecords"/>).</summary>
public sealed record ReconcileReport(IReadOnlyList<TornLine> TornLines, int Committed, int Dropped)
{
    public static ReconcileReport Nothing { get; } = new([], 0, 0);

    /// <summary>Complete lines of the last record file that were not records, moved to a <c>.bad-*</c> file.</summary>
    public IReadOnlyList<BadLine> BadLines { get; init; } = [];

    /// <summary>URLs whose latest record was cut short or damaged, set back to be fetched whole again.</summary>
    public IReadOnlyList<TornRecord> TornRecords { get; init; } = [];

    public bool DidAnything => TornLines.Count > 0 || Committed > 0 || Dropped > 0 || BadLines.Count > 0 || TornRecords.Count > 0;
}
