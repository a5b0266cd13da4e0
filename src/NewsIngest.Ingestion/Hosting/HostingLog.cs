using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Hosting;

/// <summary>Start-up, recovery and schedule log events.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(101, LogLevel.Warning, "Moved a torn last line of {File} ({Bytes} bytes, left by a crash) to {MovedTo}")]
    public static partial void TornLine(ILogger logger, string file, long bytes, string movedTo);

    [LoggerMessage(102, LogLevel.Warning, "Recovered after a crash: {Committed} pending records found in the output and committed, {Dropped} not written and dropped (they will be fetched again)")]
    public static partial void Reconciled(ILogger logger, int committed, int dropped);

    [LoggerMessage(103, LogLevel.Information, "State {StatePath}, records in {OutputDirectory}")]
    public static partial void Opened(ILogger logger, string statePath, string outputDirectory);

    [LoggerMessage(104, LogLevel.Information, "Source {Source} scheduled {Schedule}")]
    public static partial void Scheduled(ILogger logger, string source, string schedule);

    [LoggerMessage(105, LogLevel.Error, "Pass of source {Source} failed; next run as scheduled")]
    public static partial void PassCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(110, LogLevel.Warning, "The state {StatePath} knew no URL but the output holds records: rebuilt its URL index from {Records} records ({Updated} URLs), so none is written again; {BadLines} line(s) are not records {Examples}")]
    public static partial void Rebuilt(ILogger logger, string statePath, int records, int updated, int badLines, string examples);

    [LoggerMessage(111, LogLevel.Warning, "Line {Number} of {File} is not a record ({Bytes} bytes): moved to {MovedTo}")]
    public static partial void BadLine(ILogger logger, int number, string file, long bytes, string movedTo);

    [LoggerMessage(112, LogLevel.Warning, "{Url}: {Reason} (its latest record, in {File}, was moved aside; set back to version {Kept} without validators)")]
    public static partial void TornRecordReset(ILogger logger, string url, string reason, string file, int kept);
}
