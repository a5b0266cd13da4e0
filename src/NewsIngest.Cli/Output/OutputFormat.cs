namespace NewsIngest.Cli.Output;

/// <summary>How <c>extract</c> prints a record.</summary>
public enum OutputFormat
{
    Json,
    Text,
    Markdown,
}
