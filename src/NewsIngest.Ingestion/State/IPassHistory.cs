namespace NewsIngest.Ingestion.State;

/// <summary>Where finished passes are remembered, one row per source, for <c>newsingest status</c>.</summary>
public interface IPassHistory
{
    /// <summary>Appends <paramref name="passes"/> in one transaction.</summary>
    Task RecordPassesAsync(IReadOnlyList<PassRecord> passes, CancellationToken cancellationToken);
}
