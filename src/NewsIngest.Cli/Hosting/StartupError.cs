namespace NewsIngest.Cli.Hosting;

/// <summary>A problem found before any work starts (bad config, unreadable file): one line, exit code 2.</summary>
public sealed class StartupError(string message, Exception? inner = null) : Exception(message, inner);
