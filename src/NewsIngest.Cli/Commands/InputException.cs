namespace NewsIngest.Cli.Commands;

/// <summary>An input that cannot be read: missing file, unreachable URL, empty stdin. Reported in one line.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
