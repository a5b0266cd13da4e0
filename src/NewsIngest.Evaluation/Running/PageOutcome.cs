namespace NewsIngest.Evaluation.Running;

/// <summary>What became of one page. Rejected and crashed pages are scored as empty output.</summary>
public enum PageOutcome
{
    /// <summary>The extractor returned a record.</summary>
    Extracted,

    /// <summary>The extractor refused the page (its result carried an error).</summary>
    Rejected,

    /// <summary>The extractor threw: a bug to report, scored as empty output.</summary>
    Crashed,

    /// <summary>The page or its reference could not be read (corrupt gzip): the corpus is broken, not the extractor.</summary>
    Unreadable,
}
