using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Passes;

/// <summary>The pass's log events, source-generated (they run once per page).</summary>
internal static partial class PassLog
{
    [LoggerMessage(1, LogLevel.Debug, "{Outcome} {Url} (version {Version})")]
    public static partial void Page(ILogger logger, PageOutcome outcome, string url, int version);

    [LoggerMessage(2, LogLevel.Warning, "Failed {Url}: {Reason}")]
    public static partial void PageFailed(ILogger logger, string url, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Discovery problem in source {Source}: {Problem}")]
    public static partial void DiscoveryProblem(ILogger logger, string source, string problem);

    [LoggerMessage(13, LogLevel.Warning, "Discovery warning in source {Source}: {Warning}")]
    public static partial void DiscoveryWarning(ILogger logger, string source, string warning);

    [LoggerMessage(4, LogLevel.Information, "Source {Source}: {Count} pages to visit")]
    public static partial void Discovered(ILogger logger, string source, int count);

    [LoggerMessage(5, LogLevel.Information, "Progress: {Done}/{Total} pages, {Written} written, {Failed} failed")]
    public static partial void Progress(ILogger logger, int done, int total, int written, int failed);

    [LoggerMessage(6, LogLevel.Information, "Pass done: {Summary}")]
    public static partial void Summary(ILogger logger, string summary);

    [LoggerMessage(7, LogLevel.Warning, "Stop requested: finishing in-flight pages (up to {GraceSeconds} s)")]
    public static partial void Stopping(ILogger logger, double graceSeconds);

    [LoggerMessage(8, LogLevel.Error, "Failed {Url}: {Reason}")]
    public static partial void PageCrashed(ILogger logger, Exception exception, string url, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Source {Source}: nothing discovered ({Discoverers} discoverers asked)")]
    public static partial void NothingDiscovered(ILogger logger, string source, int discoverers);

    [LoggerMessage(10, LogLevel.Warning, "Pass not recorded in the state (status will not show it): {Reason}")]
    public static partial void PassNotRecorded(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Debug, "Deferred {Url} to the next pass: {Reason}")]
    public static partial void PageDeferred(ILogger logger, string url, string reason);

    [LoggerMessage(12, LogLevel.Information, "Deferred {Count} page(s) of {Host} to the next pass: cooling down until {Until}")]
    public static partial void HostDeferred(ILogger logger, int count, string host, DateTimeOffset until);
}
