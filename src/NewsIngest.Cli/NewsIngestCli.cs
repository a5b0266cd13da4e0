using System.CommandLine;
using NewsIngest.Cli.Commands;

namespace NewsIngest.Cli;

/// <summary>The <c>newsingest</c> command line: one executable, one verb per mode.</summary>
public static class NewsIngestCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("NewsIngest: collects the free, anonymous preview of news articles as clean records.");
        root.Options.Add(GlobalOptions.Verbose);
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(OnceCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReprocessCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(FailuresCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(StateCommand.Create());
        ExitCodesHelpAction.AddTo(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var error = stderr ?? Console.Error;
        if (parse.Errors.Count > 0 && parse.Action is not ExitCodesHelpAction)
        {
            await error.WriteLineAsync(UsageError.Describe(parse));
            return ExitCodes.UsageOrInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // once/run finish in-flight pages after Ctrl-C or SIGTERM (NewsIngest:Pass:ShutdownGrace, default 10 s).
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("newsingest: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            // Never rethrown: an unhandled exception aborts the process (exit 134), which systemd would restart forever.
            await error.WriteLineAsync(parse.GetValue(GlobalOptions.Verbose)
                ? $"newsingest: {ex}"
                : $"newsingest: {ex.GetType().Name}: {ErrorText.OneLine(ex.Message)} (run with --verbose for details)");
            return ExitCodes.SomeFailed;
        }
    }
}
