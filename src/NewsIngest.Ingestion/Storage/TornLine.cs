namespace NewsIngest.Ingestion.Storage;

/// <summary>An incomplete last line (a crash mid-append) moved out of a record file.</summary>
/// <param name="File">The record file, now ending at its last complete line.</param>
/// <param name="MovedTo">Where the torn bytes were kept.</param>
/// <param name="Bytes">How many bytes were moved.</param>
public sealed record TornLine(string File, string MovedTo, long Bytes);
