namespace NewsIngest.Extraction;

/// <summary>One block of the preview: a paragraph, a list item, a subheading or a quote.</summary>
public sealed record PreviewBlock(BlockType Type, string Text);
