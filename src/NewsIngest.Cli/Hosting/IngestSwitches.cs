using System.CommandLine;

namespace NewsIngest.Cli.Hosting;

/// <summary>The switches shared by <c>once</c>, <c>run</c> and <c>reprocess</c>; each overrides its config key.</summary>
public static class IngestSwitches
{
    public static Option<FileInfo> Config { get; } = new("--config", "-c")
    {
        Description = "The JSON configuration file (appsettings style); relative paths in it resolve against its directory.",
        Required = true,
    };

    public static Option<bool> Archive { get; } = new("--archive")
    {
        Description = "Keep every fetched page gzip-compressed, so 'reprocess' can rebuild records (NewsIngest:Output:Archive).",
    };

    public static Option<DirectoryInfo?> Output { get; } = new("--output", "-o")
    {
        Description = "Directory of the JSON Lines records (NewsIngest:Output:Directory).",
    };

    public static Option<FileInfo?> State { get; } = new("--state")
    {
        Description = "The SQLite state file (NewsIngest:State:Path); the run lock sits next to it.",
    };

    /// <summary>Adds the switches to <paramref name="command"/>; <c>--archive</c> only where pages are fetched.</summary>
    public static Command AddTo(Command command, bool fetches = true)
    {
        command.Options.Add(Config);
        if (fetches)
        {
            command.Options.Add(Archive);
        }

        command.Options.Add(Output);
        command.Options.Add(State);
        return command;
    }
}
