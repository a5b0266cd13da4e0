using System.CommandLine;
using NewsIngest.Cli.Commands;

namespace NewsIngest.Cli;

/// <summary>The <c>newsingest</c> command line: one executable, one verb per mode.</summary>
public static class NewsIngestCli
{
    /// <summary>The commands, in the order help lists them.</summary>
    private static readonly (string Name, Func<Command> Create)[] Verbs =
    [
        ("extract", ExtractCommand.Create), ("check", CheckCommand.Create), ("once", OnceCommand.Create), ("run", RunCommand.Create),
        ("reprocess", ReprocessCommand.Create), ("status", StatusCommand.Create), ("show", ShowCommand.Create),
        ("failures", FailuresCommand.Create), ("eval", EvalCommand.Create), ("state", StateCommand.Create),
    ];

    /// <summary>The whole command line: every command.</summary>
    public static RootCommand BuildRoot() => BuildRoot(static _ => true);

    /// <summary>
    /// The command line <paramref name="args"/> need: when their first word is a command's name, a root with that
    /// command alone (it parses, helps and fails the same way: nothing of its siblings is reachable once it is
    /// named), else every command (root help, unknown commands, directives, response files). Building the other
    /// commands' options is a tenth of a cold <c>extract</c>'s start-up outside the extraction.
    /// </summary>
    public static RootCommand BuildRootFor(IReadOnlyList<string> args)
    {
        // Only --verbose/-v comes before a command, and it takes no value here; any other word first means the full tree.
        var first = args.FirstOrDefault(a => a is not ("--verbose" or "-v"));
        foreach (var (name, _) in Verbs)
        {
            if (name == first)
            {
                return BuildRoot(verb => verb == first);
            }
        }

        return BuildRoot();
    }

    private static RootCommand BuildRoot(Func<string, bool> include)
    {
        var root = new RootCommand("NewsIngest: collects the free, anonymous preview of news articles as clean records.");
        root.Options.Add(GlobalOptions.Verbose);
        foreach (var (name, create) in Verbs)
        {
            if (include(name))
            {
                root.Subcommands.Add(create());
            }
        }

        ExitCodesHelpAction.AddTo(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = BuildRootFor(args);
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
