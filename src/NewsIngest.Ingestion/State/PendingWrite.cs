namespace NewsIngest.Ingestion.State;

/// <summary>
/// A record about to be appended: the first step of the exactly-once protocol. The state row in
/// <see cref="Committed"/> replaces the URL's state only once the record is durable in the output.
/// </summary>
/// <param name="Url">The URL (state key).</param>
/// <param name="RecordId">The record's <c>id</c>.</param>
/// <param name="Version">The record's <c>version</c>.</param>
/// <param name="ContentHash">The record's <c>contentHash</c>.</param>
/// <param name="Committed">The URL's state once the record is written.</param>
/// <param name="BeganAt">When the store recorded the write (wall clock, compared with file times); set by the store.</param>
public sealed record PendingWrite(
    string Url,
    string RecordId,
    int Version,
    string ContentHash,
    UrlState Committed,
    DateTimeOffset? BeganAt = null);
