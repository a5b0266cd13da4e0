namespace NewsIngest.Ingestion.Configuration;

/// <summary>Where and how records are written (<c>NewsIngest:Output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>Directory of the JSON Lines files. Default <c>data/records</c>.</summary>
    public string Directory { get; set; } = "data/records";

    /// <summary>File name prefix: files are <c>{prefix}-{yyyy-MM-dd}-{nnn}.jsonl</c>. Default <c>records</c>.</summary>
    public string FilePrefix { get; set; } = "records";

    /// <summary>A file is closed and the next one started once it reaches this size. Default 64 MiB.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Group commit: at most this many records share one pending-write transaction, one append + fsync and one commit
    /// transaction. Default 64 (1..4096).
    /// </summary>
    public int BatchMaxRecords { get; set; } = 64;

    /// <summary>
    /// How long the writer waits for more records once one is queued, unless the batch is full; records queued while a
    /// batch is being written always join the next one. Default 50 ms (0..1 s; 0 takes only what is ready).
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Keep every fetched page body gzip-compressed, so <c>reprocess</c> can rebuild records. Default off.</summary>
    public bool Archive { get; set; }

    /// <summary>Where archived bodies go. Default: <c>archive</c> next to <see cref="Directory"/>.</summary>
    public string? ArchiveDirectory { get; set; }
}
