using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsIngest.Cli.Tests;

public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    // Enough pages that ten killed runs still land mid-pass now that records are written in batches.
    private const int Pages = 1000;
    private const int Kills = 10;

    private readonly Workspace _work = new Workspace().WithPages(Pages).WithConfig();

    private int _committed;
    private int _dropped;

    public void Dispose() => _work.Dispose();

    private void Recovered(string stderr)
    {
        foreach (Match match in Regex.Matches(stderr, @"(\d+) pending records found in the output and committed, (\d+) not written"))
        {
            _committed += int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            _dropped += int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }
    }

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
            var stderr = process.StandardError.ReadToEndAsync();
            // Kill once this run has appended a random number of records, plus a random few milliseconds, so
            // the kills land mid-pass at different steps (state write, append, commit).
            var target = _work.CompleteLines() + random.Next(1, 20);
            var started = Stopwatch.StartNew();
            while (!process.HasExited && _work.CompleteLines() < target && started.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(5);
            }

            await Task.Delay(random.Next(0, 30));
            if (!process.HasExited)
            {
                process.Kill();
                killedWhileRunning++;
            }

            await process.WaitForExitAsync();
            Recovered(await stderr);
        }

        // When a last run is left to finish
        var last = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(90));
        Recovered(last.Stderr);

        // Then every page is in the output exactly once, every line is whole JSON, and torn tails were kept aside
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.True(killedWhileRunning >= Kills - 1, $"only {killedWhileRunning} of {Kills} kills hit a running process");
        var torn = Directory.GetFiles(_work.RecordsDirectory, "*.torn-*").Length;
        output.WriteLine($"{killedWhileRunning} of {Kills} kills hit a running process; {torn} torn tails moved aside; " +
            $"pending writes at restart: {_committed} found in the output and committed, {_dropped} not written and dropped");
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
