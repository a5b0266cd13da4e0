using System.CommandLine;
using NewsIngest.Cli.Hosting;

namespace NewsIngest.Cli.Inspection;

/// <summary>The switches of the read-only inspection commands <c>status</c>, <c>show</c> and <c>failures</c>.</summary>
public static class InspectionSwitches
{
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON on stdout (shapes in README.md) instead of a table.",
    };

    /// <summary>Adds <c>--config</c>, <c>--state</c>, <c>--output</c> and <c>--json</c> to <paramref name="command"/>.</summary>
    public static Command AddTo(Command command)
    {
        command.Options.Add(IngestSwitches.Config);
        command.Options.Add(IngestSwitches.State);
        command.Options.Add(IngestSwitches.Output);
        command.Options.Add(Json);
        return command;
    }
}
