namespace NewsIngest.Ingestion.Passes;

/// <summary>What happened to one page in a pass.</summary>
public enum PageOutcome
{
    /// <summary>First record of the URL written (version 1).</summary>
    New,

    /// <summary>The preview changed: a new version written.</summary>
    Changed,

    /// <summary>Fetched, but the preview is the same as last time (or as a page with the same canonical URL): nothing written.</summary>
    Unchanged,

    /// <summary>The server (or file) said 304: nothing fetched, nothing written.</summary>
    NotModified,

    /// <summary>robots.txt disallows it: not fetched.</summary>
    RobotsDenied,

    /// <summary>Fetch, extraction or storage failed; the reason is logged and kept in the state.</summary>
    Failed,

    /// <summary>Not started because the pass was asked to stop.</summary>
    Skipped,

    /// <summary>robots.txt could not be read (5xx, timeout): not fetched, and a failure of the pass (exit 1).</summary>
    RobotsUnavailable,

    /// <summary>
    /// Left for the next pass: its host's next allowed start (a cooldown after 429/503) lay beyond
    /// <c>Pass:MaxHostWait</c>. Recorded as <c>deferred</c> with the reason; not a failure.
    /// </summary>
    Deferred,
}
