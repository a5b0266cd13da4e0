namespace NewsIngest.Cli.Tests;

/// <summary>What a finished newsingest process left: its exit code and output.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
