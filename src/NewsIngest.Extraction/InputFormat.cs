namespace NewsIngest.Extraction;

/// <summary>How to read a page: as HTML, as a plain-text rendering, or decided from the content.</summary>
public enum InputFormat
{
    Auto,
    Html,
    Text,
}
