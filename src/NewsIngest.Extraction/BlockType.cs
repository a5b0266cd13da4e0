namespace NewsIngest.Extraction;

/// <summary>The kind of a preview block; serialized as <c>paragraph</c>, <c>listItem</c>, <c>heading</c>, <c>quote</c>.</summary>
public enum BlockType
{
    Paragraph,
    ListItem,
    Heading,
    Quote,
}
