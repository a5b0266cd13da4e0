namespace NewsIngest.Extraction;

/// <summary>Whether a wall stops the anonymous reader, and the evidence for the verdict.</summary>
public sealed record PaywallInfo
{
    public PaywallStatus Status { get; init; } = PaywallStatus.Unknown;

    /// <summary>What kind of wall: <c>hard</c>, <c>registration</c>, <c>metered</c> or <c>implicit</c> (no visible
    /// wall, but the page ships far less than it declares); null when none is known.</summary>
    public string? Kind { get; init; }

    /// <summary>The wall's own heading text, such as "To read the full story", or null.</summary>
    public string? Marker { get; init; }

    /// <summary>The full story's length as the page declares it ("604 words", JSON-LD <c>wordCount</c>).</summary>
    public int? DeclaredWordCount { get; init; }

    /// <summary>The structured-data flag <c>isAccessibleForFree</c> as published (often wrong; evidence only).</summary>
    public bool? AccessibleForFree { get; init; }

    /// <summary><c>article:content_tier</c> as published: free, metered or locked.</summary>
    public string? ContentTier { get; init; }

    /// <summary>Words of article text that the page ships but hides from anonymous readers (never emitted).</summary>
    public int HiddenWords { get; init; }

    /// <summary>Names of the evidence, e.g. <c>ld:isAccessibleForFree=false</c>, <c>text:en:to-read-the-full-story</c>.</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];
}
