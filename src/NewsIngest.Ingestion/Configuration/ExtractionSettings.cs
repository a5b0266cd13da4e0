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

    /// <summary>
    /// Learn each site's template from the pages <c>once</c> and <c>run</c> fetch (kept in the state) and take it out
    /// of the previews; <c>reprocess</c> uses the model as it stands. Default true (README, Site templates).
    /// </summary>
    public bool SiteTemplates { get; set; } = true;

    /// <summary>
    /// How many sites' template windows stay in memory (1..100,000; default 256): the least recently used leaves and is
    /// read again from the state when its site comes back. One window holds at most 50 pages of 256 fingerprints.
    /// </summary>
    public int TemplateSitesInMemory { get; set; } = 256;

    /// <summary>Characters of block text a record's preview keeps (1,000..10,000,000; default 100,000); the rest is left out with the signal <c>preview:cut-at-chars=N</c>.</summary>
    public int MaxPreviewChars { get; set; } = 100_000;

    /// <summary>Blocks a record's preview keeps (1..100,000; default 2,000); the rest is left out with the signal <c>preview:cut-at-blocks=N</c>.</summary>
    public int MaxPreviewBlocks { get; set; } = 2_000;
}
