namespace NewsIngest.Cli;

/// <summary>Error messages as users see them: one line, whatever the exception's message holds.</summary>
public static class ErrorText
{
    /// <summary>The message with line breaks and runs of white space folded into single spaces.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
