namespace NewsIngest.Evaluation.Running;

/// <summary>How an evaluation runs. <see cref="Validate"/> names the first bad value.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Pages extracted at once. Default: the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Evaluate only the first N pages (in name order); <c>null</c> for all. For quick runs.</summary>
    public int? Limit { get; init; }

    /// <summary>How many of the worst pages the report lists. Default 10.</summary>
    public int Worst { get; init; } = 10;

    /// <summary>
    /// Learn each site's template from the corpus's own pages first (per host of the page's URL, else of its canonical
    /// URL, else per directory), then score every page with its site's model. Default on; off for the comparison.
    /// </summary>
    public bool SiteTemplates { get; init; } = true;

    /// <summary>A one-line problem with these options, or <c>null</c> when they are usable.</summary>
    public string? Validate() =>
        Parallelism < 1 ? $"--parallel must be at least 1 (got {Parallelism})"
        : Limit is < 1 ? $"--limit must be at least 1 (got {Limit})"
        : Worst < 0 ? $"--worst must be 0 or more (got {Worst})"
        : null;
}
