using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Storage;

/// <summary>The batch writer's log events, source-generated.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(201, LogLevel.Debug, "Wrote {Count} records in {ElapsedMs} ms")]
    public static partial void BatchWritten(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(202, LogLevel.Error, "Could not write {Count} records: {Reason}")]
    public static partial void BatchFailed(ILogger logger, int count, string reason);

    [LoggerMessage(203, LogLevel.Warning, "Moved a torn last line of {File} ({Bytes} bytes, left by a failed append) to {MovedTo}")]
    public static partial void TornLine(ILogger logger, string file, long bytes, string movedTo);

    [LoggerMessage(204, LogLevel.Warning, "Settled the writes of a failed batch: {Committed} found in the output and committed, {Dropped} not written")]
    public static partial void Settled(ILogger logger, int committed, int dropped);

    [LoggerMessage(205, LogLevel.Warning, "Could not write the near-duplicate index before a batch of records (tried again before the next): {Reason}")]
    public static partial void BeforeBatchFailed(ILogger logger, string reason);

    [LoggerMessage(206, LogLevel.Warning, "Write of {Url} refused, nothing written: {Reason}")]
    public static partial void WriteRefused(ILogger logger, string url, string reason);
}
