namespace NewsIngest.Extraction;

/// <summary>Limits and switches of the extraction pipeline. Immutable once the pipeline is built.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Pages longer than this many characters are cut before parsing (default 4 Mi chars; the fetcher caps bodies at 5 MiB).</summary>
    public int MaxInputChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Elements nested deeper than this are read as text of their ancestor (default 256).</summary>
    public int MaxDomDepth { get; init; } = 256;

    /// <summary>At most this many blocks are segmented from one page (default 20,000).</summary>
    public int MaxBlocks { get; init; } = 20_000;

    /// <summary>JSON-LD scripts longer than this many characters are skipped (default 2 Mi chars).</summary>
    public int MaxJsonLdChars { get; init; } = 2 * 1024 * 1024;

    /// <summary>
    /// A page whose extraction runs longer than this is given up: a rejected result with the reason, never a hang.
    /// Measured on the pipeline's time provider. Default none (<see cref="Timeout.InfiniteTimeSpan"/>): a wall-clock
    /// budget depends on the machine, so the caller that runs unattended sets it (<c>Extraction:MaxPageTime</c> of a pass).
    /// </summary>
    public TimeSpan MaxPageTime { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The preview keeps at most this many characters of block text (default 100,000, far above a long article); the
    /// rest is left out and the record says so (signal <c>preview:cut-at-chars=N</c>), so no page makes a huge record.
    /// </summary>
    public int MaxPreviewChars { get; init; } = 100_000;

    /// <summary>The preview keeps at most this many blocks (default 2,000); the rest is left out (signal <c>preview:cut-at-blocks=N</c>).</summary>
    public int MaxPreviewBlocks { get; init; } = 2_000;

    /// <summary>At most this many attributes of one element reach the parser; the rest are dropped (default 1,024).</summary>
    public int MaxAttributesPerElement { get; init; } = 1024;
}
