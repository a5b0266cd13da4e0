namespace NewsIngest.Ingestion.Passes;

/// <summary>The outcome of one page, whether its record is paywalled, and the reason when it failed.</summary>
public sealed record PageResult(PageOutcome Outcome, bool Fetched = false, bool Paywalled = false, string? Error = null);
