using System.CommandLine;
using NewsIngest.Ingestion.Configuration.Checking;

namespace NewsIngest.Cli;

/// <summary>
/// A command line that does not parse, as one line: an unknown or missing command names the commands (and the
/// nearest one), any other error is the parser's first message on one line; each points at the right <c>--help</c>.
/// </summary>
internal static class UsageError
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Command is not RootCommand; result = (System.CommandLine.Parsing.CommandResult)result.Parent!)
        {
            names.Insert(0, result.Command.Name);
        }

        var help = string.Join(' ', ["newsingest", .. names, "--help"]);
        return $"newsingest: {Message(parse, command)} (see '{help}')";
    }

    private static string Message(ParseResult parse, Command command)
    {
        if (command is not RootCommand || command.Subcommands.Count == 0)
        {
            return ErrorText.OneLine(parse.Errors[0].Message);
        }

        var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        var list = string.Join(", ", names);
        if (parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } word)
        {
            return NearestKey.Find(word, names) is { } nearest
                ? $"unknown command '{word}' (did you mean '{nearest}'?)"
                : $"unknown command '{word}' (commands: {list})";
        }

        return parse.UnmatchedTokens.Count > 0
            ? ErrorText.OneLine(parse.Errors[0].Message)
            : $"no command given (commands: {list})";
    }
}
