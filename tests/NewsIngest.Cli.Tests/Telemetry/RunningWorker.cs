using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Tests.Telemetry;

/// <summary>
/// A <c>newsingest run</c> child process whose stderr lines are collected as they come, with awaitable moments: a line
/// matching a pattern. Every wait has a generous bound whose expiry fails the test (it never stands in for the moment).
/// Disposing stops the process (SIGTERM, then a kill if it lingers).
/// </summary>
internal sealed partial class RunningWorker : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Seen)> _waits = [];
    private readonly Task<string> _stdout;

    public RunningWorker(IEnumerable<string> args)
    {
        _process = NewsIngestExecutable.Start(args);
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(e.Data);
                foreach (var (pattern, seen) in _waits)
                {
                    if (pattern.Match(e.Data) is { Success: true } match)
                    {
                        seen.TrySetResult(match);
                    }
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public string Stderr
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The first stderr line matching <paramref name="pattern"/> (already seen or still to come).</summary>
    public async Task<Match> WaitForLineAsync(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Select(l => regex.Match(l)).FirstOrDefault(m => m.Success) is { } match)
            {
                return match;
            }

            _waits.Add((regex, seen));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited).WaitAsync(Patience);
        Assert.True(first == seen.Task, $"newsingest run ended before a line matched /{pattern}/:\n{Stderr}");
        return await seen.Task;
    }

    /// <summary>The endpoint's base address, from the line the worker logs once it is bound.</summary>
    public async Task<Uri> EndpointAsync() =>
        new((await WaitForLineAsync(@"Metrics and health on (?<url>http://\S+/)")).Groups["url"].Value);

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(Patience);
        await _stdout;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync();
            }
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
