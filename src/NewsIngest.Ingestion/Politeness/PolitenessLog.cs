using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>Source-generated log messages of the politeness layer (hot path: no boxing, no formatting when off).</summary>
internal static partial class PolitenessLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Host {Host} is cooling down for {Seconds} s after a 429/503")]
    public static partial void HostCoolingDown(ILogger logger, string host, double seconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Crawl-delay {RequestedSeconds} s of {Host} clamped to {MaxSeconds} s")]
    public static partial void CrawlDelayClamped(ILogger logger, string host, double requestedSeconds, double maxSeconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Robots denied {Url}: {Reason}")]
    public static partial void RobotsDenied(ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Fetched robots.txt of {Origin}: {Outcome}, cached until {ExpiresAt}")]
    public static partial void RobotsFetched(ILogger logger, string origin, string outcome, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Host state: {Hosts} host(s) and {Robots} robots.txt verdict(s) taken up from the state")]
    public static partial void HostStateRestored(ILogger logger, int hosts, int robots);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Host state not saved (it is saved again with the next changes): {Error}")]
    public static partial void HostStateNotSaved(ILogger logger, string error);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "robots.txt of {Origin}: the verdict another worker fetched, cached until {ExpiresAt}")]
    public static partial void RobotsShared(ILogger logger, string origin, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "robots.txt verdict of {Origin} not shared with the other workers ({Error}); fetched and kept here")]
    public static partial void RobotsSharingFailed(ILogger logger, string origin, string error);
}
