namespace NewsIngest.Ingestion.Passes;

/// <summary>The outcome of one page, whether its record is paywalled, and the reason when it failed.</summary>
public sealed record PageResult(PageOutcome Outcome, bool Fetched = false, bool Paywalled = false, string? Error = null)
{
    /// <summary>Not written: the same text as a record already written from another URL (<c>NearDuplicates:SkipSameText</c>).</summary>
    public bool SameTextSkipped { get; init; }

    /// <summary>
    /// For a page whose record was handed to the batch writer: the final result, once the record is durable (this
    /// result) or could not be written (<see cref="PageOutcome.Failed"/>). Null when the result is final already.
    /// </summary>
    public Task<PageResult>? Pending { get; init; }

    /// <summary>For a <see cref="PageOutcome.Deferred"/> page: its host's next allowed start.</summary>
    public DateTimeOffset? DeferredUntil { get; init; }
}
