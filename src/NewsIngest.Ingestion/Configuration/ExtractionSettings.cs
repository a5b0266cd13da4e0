namespace NewsIngest.Ingestion.Configuration;

/// <summary>Limits of the extraction step of a pass (<c>NewsIngest:Extraction</c>).</summary>
public sealed class ExtractionSettings
{
    /// <summary>
    /// A page whose extraction runs longer than this is given up and counted failed with the reason
    /// (<c>extract-rejected</c>), never a stalled pass. Default 30 s: far above the slowest real page (a 4 Mi-char page
    /// of 40,000 paragraphs takes seconds), so only a runaway page meets it.
    /// </summary>
    public TimeSpan MaxPageTime { get; set; } = TimeSpan.FromSeconds(30);
}
