namespace NewsIngest.Ingestion.Storage;

/// <summary>A complete line of the last record file that is not a record, moved out of it at start.</summary>
/// <param name="File">The record file, rewritten without the line.</param>
/// <param name="Number">The line's number in the file as it was, from 1.</param>
/// <param name="MovedTo">The file the line was copied to (with the file's other bad lines, in order).</param>
/// <param name="Bytes">The line's length, line break included.</param>
public sealed record BadLine(string File, int Number, string MovedTo, long Bytes)
{
    /// <summary>The line's first bytes (up to <see cref="BadLineRecovery.HeadBytes"/>): enough to name the record a
    /// damaged line was.</summary>
    public ReadOnlyMemory<byte> Head { get; init; }
}
