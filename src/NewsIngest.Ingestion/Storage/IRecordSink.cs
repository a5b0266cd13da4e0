namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Where record lines go (Serilog's sink idea): the JSON Lines writer is one implementation. When
/// <see cref="AppendAsync"/> returns, the lines are durable (flushed and fsynced).
/// </summary>
public interface IRecordSink : IAsyncDisposable
{
    /// <summary>The output directory (absolute), read back by start-up recovery.</summary>
    string Directory { get; }

    /// <summary>The record files' name prefix.</summary>
    string FilePrefix { get; }

    /// <summary>
    /// Appends whole lines (each ending in a line break) in order, one write and one fsync per file. After a
    /// failure some of them may be in the output, the last one maybe torn: call <see cref="Recover"/> before
    /// deciding which records were written.
    /// </summary>
    Task AppendAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken);

    /// <summary>
    /// Moves torn last lines aside and makes the lines of a failed append that did reach the output durable;
    /// returns what was moved. Throws when the output cannot be repaired.
    /// </summary>
    IReadOnlyList<TornLine> Recover();
}
