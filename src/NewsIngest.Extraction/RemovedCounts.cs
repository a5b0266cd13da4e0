namespace NewsIngest.Extraction;

/// <summary>How many blocks were left out of the preview, by reason.</summary>
public sealed record RemovedCounts
{
    /// <summary>Navigation, chrome, calls to action, marketing, counters.</summary>
    public int Boilerplate { get; init; }

    /// <summary>Repeats of a block already emitted (exact, near-exact or part of a repeated run).</summary>
    public int Duplicates { get; init; }

    /// <summary>Blocks an anonymous reader does not see (hidden markup, JSON copies, noscript).</summary>
    public int Hidden { get; init; }

    /// <summary>Blocks from the wall on (the wall itself, its marketing, anything behind it).</summary>
    public int Wall { get; init; }

    /// <summary>Blocks of the site's template (learned from the site's other pages), outside the article's text.</summary>
    public int Template { get; init; }
}
