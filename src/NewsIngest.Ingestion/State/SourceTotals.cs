namespace NewsIngest.Ingestion.State;

/// <summary>What the state holds for one source: its URLs, the records written for them, and how many are failing.</summary>
public sealed record SourceTotals(int Urls, long Records, int Failing);
