using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// One source's share of a finished pass, as the <c>passes</c> table keeps it: when the pass ran and the outcome
/// counts of that source's pages (<see cref="PassSummary.Sources"/> is 1; its problems are the source's own).
/// </summary>
public sealed record PassRecord(string Source, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, PassSummary Summary);
