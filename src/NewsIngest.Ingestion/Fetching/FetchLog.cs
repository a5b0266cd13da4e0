using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>Source-generated log messages of the fetch hot path.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Fetched {Url}: {Outcome} {StatusCode}, {Bytes} bytes in {ElapsedMs} ms after {Attempts} attempt(s)")]
    public static partial void Fetched(ILogger logger, Uri url, FetchOutcome outcome, int? statusCode, int bytes, long elapsedMs, int attempts);

    /// <summary>The same event for an article page, one per page of a pass: Debug, so a pass logs its summary, not every page.</summary>
    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Fetched {Url}: {Outcome} {StatusCode}, {Bytes} bytes in {ElapsedMs} ms after {Attempts} attempt(s)")]
    public static partial void FetchedPage(ILogger logger, Uri url, FetchOutcome outcome, int? statusCode, int bytes, long elapsedMs, int attempts);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Fetch of {Url} failed: {Outcome}: {Error}")]
    public static partial void Failed(ILogger logger, Uri url, FetchOutcome outcome, string? error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Retrying {Url} (attempt {Attempt}) in {DelayMs} ms after {Reason}")]
    public static partial void Retrying(ILogger logger, Uri? url, int attempt, double delayMs, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Body of {Url} cut at {MaxBytes} bytes")]
    public static partial void Truncated(ILogger logger, Uri url, int maxBytes);
}
