using System.CommandLine;

namespace NewsIngest.Cli.Tests.Errors;

/// <summary>
/// A command line that names its command is parsed by a root holding that command alone (a cold start builds no
/// other command's options): it must help and fail exactly as the whole tree does.
/// </summary>
public sealed class CommandTreeTests
{
    private static readonly string[] Verbs = [.. NewsIngestCli.BuildRoot().Subcommands.Select(c => c.Name)];

    public static TheoryData<string[]> CommandLines()
    {
        var lines = new TheoryData<string[]>();
        foreach (var verb in Verbs)
        {
            lines.Add([verb, "--help"]);
            lines.Add(["-v", verb, "-h"]);
            lines.Add([verb, "--no-such-option"]);
            lines.Add([verb, "--help", "--no-such-option"]);
        }

        lines.Add(["extract", "page.html", "--format", "yaml"]);
        lines.Add(["extract", "page.html", "--site-template", "never"]);
        lines.Add(["extract", "--url"]);
        lines.Add(["eval", "--site-template", "never"]);
        lines.Add(["--help", "extract"]);
        return lines;
    }

    [Fact]
    public void Naming_a_command_builds_that_command_alone()
    {
        Assert.Equal(["extract"], Names(NewsIngestCli.BuildRootFor(["extract", "page.html"])));
        Assert.Equal(["once"], Names(NewsIngestCli.BuildRootFor(["--verbose", "once", "--config", "c.json"])));
        Assert.Equal(["state"], Names(NewsIngestCli.BuildRootFor(["-v", "state", "rebuild"])));
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("extrct", "page.html")]
    [InlineData("[diagram]", "extract", "page.html")]
    [InlineData("@args.rsp")]
    [InlineData("-v", "true", "extract", "page.html")]
    public void Anything_else_builds_every_command(params string[] args) =>
        Assert.Equal(Verbs, Names(NewsIngestCli.BuildRootFor(args)));

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_command_alone_helps_and_fails_as_in_the_whole_tree(string[] args)
    {
        var whole = Outcome(NewsIngestCli.BuildRoot(), args);
        var alone = Outcome(NewsIngestCli.BuildRootFor(args), args);

        Assert.Equal(whole, alone);
        Assert.NotEqual("", whole);
    }

    private static string[] Names(RootCommand root) => [.. root.Subcommands.Select(c => c.Name)];

    /// <summary>What the command line prints when it does not run a command: its usage error, or its help.</summary>
    private static string Outcome(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not ExitCodesHelpAction)
        {
            return "error: " + UsageError.Describe(parse);
        }

        Assert.IsType<ExitCodesHelpAction>(parse.Action);
        using var output = new StringWriter();
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = output });
        return $"help, exit {code}:\n{output}";
    }
}
