namespace NewsIngest.Ingestion.Politeness;

/// <summary>A robots.txt group: the user-agent lines that open it and the rules that follow.</summary>
internal sealed class RobotsGroup
{
    public List<string> Agents { get; } = [];

    public List<RobotsRule> Rules { get; } = [];

    /// <summary>The group's Crawl-delay (a non-standard extension), if any.</summary>
    public TimeSpan? CrawlDelay { get; set; }
}
