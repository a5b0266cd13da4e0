namespace NewsIngest.Ingestion.Telemetry;

/// <summary>
/// The names of the <c>NewsIngest</c> meter's instruments and of their attributes (OpenTelemetry semantic
/// conventions: dotted lowercase names, durations in seconds, counts with an annotation unit such as <c>{page}</c>).
/// No attribute carries a host: its cardinality would grow with the web.
/// </summary>
public static class InstrumentNames
{
    /// <summary>Counter, <c>{page}</c>: pages finished by a pass; attributes <see cref="Outcome"/>, <see cref="Source"/>.</summary>
    public const string Pages = "newsingest.pages";

    /// <summary>Counter, <c>{record}</c>: records durably appended to the output (new and changed versions).</summary>
    public const string RecordsWritten = "newsingest.records.written";

    /// <summary>Histogram, <c>s</c>: one HTTP request with its retries and body, not the politeness wait before it; attributes <see cref="Kind"/>, <see cref="Outcome"/>.</summary>
    public const string FetchDuration = "newsingest.fetch.duration";

    /// <summary>Histogram, <c>s</c>: time a request waited for its host's turn (spacing, Crawl-delay, cooldown); attribute <see cref="Kind"/>.</summary>
    public const string PolitenessWait = "newsingest.politeness.wait.duration";

    /// <summary>Histogram, <c>s</c>: extraction of one page; attribute <see cref="Outcome"/> (<c>ok</c> or <c>rejected</c>).</summary>
    public const string ExtractionDuration = "newsingest.extraction.duration";

    /// <summary>Observable UpDownCounter, <c>{url}</c>: URLs waiting in the frontiers of the passes running now.</summary>
    public const string FrontierSize = "newsingest.frontier.size";

    /// <summary>Observable UpDownCounter, <c>{host}</c>: hosts in a cooldown (429/503, back-off) now.</summary>
    public const string HostsInCooldown = "newsingest.host.cooldown.count";

    /// <summary>Counter, <c>{problem}</c>: discovery problems (dead feed, bad sitemap, missing directory); attribute <see cref="Source"/>.</summary>
    public const string DiscoveryProblems = "newsingest.discovery.problems";

    /// <summary>Attribute: what happened (a page outcome such as <c>new</c>, a fetch outcome such as <c>not-modified</c>).</summary>
    public const string Outcome = "outcome";

    /// <summary>Attribute: the configured source's name (bounded by the configuration).</summary>
    public const string Source = "source";

    /// <summary>Attribute: what was fetched: <c>page</c>, <c>feed</c>, <c>sitemap</c>, <c>robots</c>.</summary>
    public const string Kind = "kind";
}
