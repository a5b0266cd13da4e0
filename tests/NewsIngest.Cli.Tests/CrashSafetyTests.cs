using System.Diagnostics;
using Xunit.Abstractions;

namespace NewsIngest.Cli.Tests;

public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Pages = 250;
    private const int Kills = 10;

    private readonly Workspace _work = new Workspace().WithPages(Pages).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Killing_once_at_random_moments_never_loses_duplicates_or_tears_a_record()
    {
        // Given runs killed with SIGKILL at random moments, each followed by the next run
        var random = new Random(20261128);
        var killedWhileRunning = 0;
        for (var i = 0; i < Kills; i++)
        {
            using var process = NewsIngestExecutable.Start(_work.Args("once"));
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var started = Stopwatch.StartNew();
            var killAt = TimeSpan.FromMilliseconds(random.Next(300, 2500));
            while (!process.HasExited && started.Elapsed < killAt)
            {
                await Task.Delay(10);
            }

            if (!process.HasExited)
            {
                process.Kill();
                killedWhileRunning++;
            }

            await process.WaitForExitAsync();
        }

        // When a last run is left to finish
        var last = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));

        // Then every page is in the output exactly once, every line is whole JSON, and torn tails were kept aside
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.True(killedWhileRunning >= Kills / 2, $"only {killedWhileRunning} of {Kills} kills hit a running process");
        var torn = Directory.GetFiles(_work.RecordsDirectory, "*.torn-*").Length;
        output.WriteLine($"{killedWhileRunning} of {Kills} kills hit a running process; {torn} torn tails moved aside");
        var records = _work.Records();
        var urls = records.Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(Pages, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Pages, urls.Count);
        Assert.All(records, r => Assert.Equal(1, r.GetProperty("version").GetInt32()));
        foreach (var file in Directory.GetFiles(_work.RecordsDirectory, "*.jsonl"))
        {
            Assert.EndsWith("\n", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
