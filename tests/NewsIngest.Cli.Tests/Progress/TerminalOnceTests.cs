using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Tests.Progress;

/// <summary><c>once</c> on a real pseudo-terminal (util-linux <c>script</c>), where stdout and stderr are one screen.</summary>
public sealed class TerminalOnceTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(12).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task On_a_terminal_once_draws_a_live_line_and_prints_the_summary_once()
    {
        var command = string.Join(' ', new[] { "dotnet", NewsIngestExecutable.Path }.Concat(_work.Args("once")).Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        var screen = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var text = await screen;

        Assert.True(process.ExitCode == 0, text);
        Assert.Single(Regex.Matches(text, "new 12, changed 0"));
        Assert.DoesNotContain("Pass done", text, StringComparison.Ordinal);
        // Drawn at the start (the total may be 0 then: the sources not read yet), and redrawn while the pass runs
        Assert.Matches(@"\r\u001b\[2K\d+/\d+ pages, \d+\.\d/s, \d+ written, 0 failed", text);
        Assert.Equal(12, _work.Records().Count);
    }
}
