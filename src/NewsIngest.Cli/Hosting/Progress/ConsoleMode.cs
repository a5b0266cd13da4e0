namespace NewsIngest.Cli.Hosting.Progress;

/// <summary>
/// What <c>once</c> shows where: a live progress line when stderr is a terminal (else the plain progress log lines),
/// and the summary once on a terminal: when stdout and stderr are both the terminal, stdout's summary line is the
/// one shown and the log's copy is left out.
/// </summary>
internal sealed record ConsoleMode(bool LiveLine, bool LogProgress, bool LogSummary)
{
    public static ConsoleMode For(bool outputRedirected, bool errorRedirected, string? term)
    {
        var terminal = !errorRedirected && !string.Equals(term, "dumb", StringComparison.Ordinal);
        return new ConsoleMode(LiveLine: terminal, LogProgress: !terminal, LogSummary: outputRedirected || errorRedirected);
    }

    /// <summary>The mode of this process's console.</summary>
    public static ConsoleMode Current =>
        For(Console.IsOutputRedirected, Console.IsErrorRedirected, Environment.GetEnvironmentVariable("TERM"));
}
