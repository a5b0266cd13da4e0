namespace NewsIngest.Ingestion.Configuration;

/// <summary>Limits of one pass (<c>NewsIngest:Pass</c>).</summary>
public sealed class PassOptions
{
    /// <summary>The configuration section these options are bound from (also by the HTTP fetcher's host gate).</summary>
    public const string SectionName = "NewsIngest:Pass";

    /// <summary>
    /// Pages in flight at the same time, across all hosts (1..4096). A page waiting for its host's turn holds none:
    /// the frontier starts a page only when its host is free. Default 4.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Sources discovered at the same time (1..4096); their pages join the frontier as each source is read, so pages
    /// start while other sources are still being read. A source waiting for its host's turn holds one. Default 8.
    /// </summary>
    public int MaxDiscoveryConcurrency { get; set; } = 8;

    /// <summary>
    /// Pages processed at the same time on one host; also requests sent to one host at once when no politeness delay
    /// applies (MinDelay 0 and no Crawl-delay); with a delay, requests to a host go one at a time. Default 2.
    /// </summary>
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>
    /// The longest a pass waits for one host's next allowed start (a cooldown after 429/503, a Retry-After). A host
    /// whose turn lies further off has its remaining pages deferred to the next pass: recorded as <c>deferred</c> with
    /// the reason, counted in the summary, not a failure. Default 60 s.
    /// </summary>
    public TimeSpan MaxHostWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A progress line is logged this often while a pass runs. Default 10 s.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>In <c>run</c> mode, pass every source once at start-up before waiting for its schedule. Default true.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>After a stop request, in-flight pages get this long to finish before they are cancelled. Default 10 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);
}
