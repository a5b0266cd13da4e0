using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Cli.Tests;

public sealed class GracefulStopTests : IDisposable
{
    // Records are committed in batches; the interrupted run commits each one on its own (BatchMaxRecords 1) so that
    // the stop lands mid-pass however fast the machine extracts, and enough pages keep the pass running for seconds.
    private const int Pages = 500;

    private readonly Workspace _work = new Workspace().WithPages(Pages).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task SIGTERM_during_once_finishes_the_pages_in_flight_exits_130_and_the_next_run_completes_the_rest()
    {
        // Given a pass that has started writing
        using var process = NewsIngestExecutable.Start(
            _work.Args("once"), new Dictionary<string, string> { ["NEWSINGEST_OUTPUT__BATCHMAXRECORDS"] = "1" });
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (_work.CompleteLines() < 5 && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        // When it is asked to stop
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Then it stops early with 130 and a summary that says so, leaving no torn line behind
        var summary = await stdout;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{summary}\n{await stderr}");
        Assert.Contains("(interrupted)", summary, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work.RecordsDirectory, "*.torn-*"));
        var partial = _work.Records().Count;
        Assert.InRange(partial, 5, Pages - 1);

        // And the next run writes exactly the rest
        var next = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(Pages - partial, Workspace.Count(next.Stdout, "new"));
        Assert.Equal(Pages, _work.Records().Select(r => r.GetProperty("url").GetString()).Distinct().Count());
        Assert.Equal(Pages, _work.Records().Count);
    }
}
