using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>Source-generated log events of discovery.</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Discovered {Found} article URL(s) for {Source}, selected {Selected} (feeds {Feeds}, sitemaps {Sitemaps}, problems {Problems})")]
    public static partial void Discovered(ILogger logger, string source, int found, int selected, int feeds, int sitemaps, int problems);
}
