namespace NewsIngest.Ingestion.Configuration;

/// <summary>Near-duplicate stories (<c>NewsIngest:NearDuplicates</c>): the window records are compared within.</summary>
public sealed class NearDuplicateOptions
{
    /// <summary>Annotate stored records with <c>nearDuplicate</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A record is compared with the records written within this long before it (1 h .. 366 d). Default 30 days.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many recent records per site stay in the window (100..1,000,000). Default 10,000.</summary>
    public int MaxPerSite { get; set; } = 10_000;

    /// <summary>
    /// Do not write a record whose preview has the same words as one already written from another URL (on any site);
    /// the page counts as unchanged and as <c>same-text skipped</c> in the pass summary. Default false: every copy is
    /// written, annotated.
    /// </summary>
    public bool SkipSameText { get; set; }
}
