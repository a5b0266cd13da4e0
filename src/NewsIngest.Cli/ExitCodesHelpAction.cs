using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NewsIngest.Cli;

/// <summary>The usual help of every command, followed by the exit codes (<see cref="ExitCodes.All"/>).</summary>
internal sealed class ExitCodesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>Makes the help option of <paramref name="root"/> (and so of every command) list the exit codes.</summary>
    public static void AddTo(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new ExitCodesHelpAction((HelpAction)option.Action!);
    }

    /// <summary>Like the help it wraps: <c>once --help</c> shows help, not "--config is required".</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var result = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.All)
        {
            output.WriteLine($"  {code,-5}{meaning}");
        }

        output.WriteLine();
        return result;
    }
}
