namespace NewsIngest.Extraction;

/// <summary>The free, visible part of the article in reading order.</summary>
public sealed record Preview
{
    public IReadOnlyList<PreviewBlock> Blocks { get; init; } = [];

    /// <summary>The blocks' text joined by blank lines.</summary>
    public string Text { get; init; } = "";

    public int WordCount { get; init; }
}
