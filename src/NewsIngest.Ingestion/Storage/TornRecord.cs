namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// A URL whose committed record (its latest version) was cut short or damaged in the output and moved aside at start:
/// set back to the version before, without validators, so it is fetched whole and that version written again.
/// </summary>
/// <param name="Url">The URL (the state's key).</param>
/// <param name="RecordId">Its records' id.</param>
/// <param name="Version">The version that was not whole in the output.</param>
/// <param name="File">The record file the version was cut from.</param>
/// <param name="Reason">What the state now says (<c>last_error</c>).</param>
public sealed record TornRecord(string Url, string RecordId, int Version, string File, string Reason);
