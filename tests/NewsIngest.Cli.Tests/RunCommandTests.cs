using System.Diagnostics;

namespace NewsIngest.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(20).WithConfig(schedule: "2s");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Run_passes_on_schedule_and_stops_cleanly_on_SIGTERM_holding_the_lock_meanwhile()
    {
        using var process = NewsIngestExecutable.Start(_work.Args("run"));
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        var passes = 0;
        var twoPasses = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Add(e.Data);
            }

            if (e.Data.Contains("Pass done", StringComparison.Ordinal) && Interlocked.Increment(ref passes) == 2)
            {
                twoPasses.TrySetResult();
            }
        };
        process.BeginErrorReadLine();

        try
        {
            await twoPasses.Task.WaitAsync(TimeSpan.FromSeconds(45));
            var once = await NewsIngestExecutable.RunAsync(_work.Args("once"));
            Assert.True(once.ExitCode == 3, once.ToString());

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, process.ExitCode);
        await stdout;
        lock (stderr)
        {
            Assert.Contains(stderr, l => l.Contains("new 20", StringComparison.Ordinal));
            Assert.Contains(stderr, l => l.Contains("not modified 20", StringComparison.Ordinal));
        }

        Assert.Equal(20, _work.Records().Count);
    }
}
