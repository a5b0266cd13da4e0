using System.CommandLine;

namespace NewsIngest.Cli;

/// <summary>Options every verb understands.</summary>
public static class GlobalOptions
{
    /// <summary>Debug logs and full stack traces on errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug details and show stack traces on errors.",
        Recursive = true,
    };
}
