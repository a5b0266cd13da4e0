namespace NewsIngest.Extraction;

/// <summary>How one block of a page was classified, for <c>newsingest extract --explain</c> and for tuning.</summary>
/// <param name="Index">Position in reading order.</param>
/// <param name="Role">content, headline, dek, data, boilerplate, hidden, wall or duplicate.</param>
/// <param name="Type">paragraph, listItem, heading or quote.</param>
/// <param name="Reason">Why the role was given (e.g. <c>chrome:nav</c>, <c>outside-main</c>, <c>wall-start</c>).</param>
/// <param name="Text">The block's text.</param>
public sealed record BlockTrace(int Index, string Role, string Type, string? Reason, string Text)
{
    /// <summary>The share of the block's text inside links, 0–100: the usual sign of navigation and teaser lists.</summary>
    public int LinkPercent { get; init; }
}
