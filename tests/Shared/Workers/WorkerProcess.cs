using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// One <c>newsingest</c> worker as a real child process (<c>dotnet newsingest.dll VERB --config F</c>; the app runs
/// in the host process itself, so the child's pid is the worker's): its log (stderr) kept line by line and copied to a
/// file, and the signals a machine sends a worker: SIGKILL, SIGSTOP, SIGCONT, SIGTERM (with <c>kill</c>, waited for,
/// so the signal is delivered before the caller goes on).
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];
    private readonly StreamWriter _logFile;
    private readonly Task _stdout;

    private WorkerProcess(string id, Process process, string logPath)
    {
        (Id, _process, LogPath) = (id, process, logPath);
        Pid = process.Id;
        _logFile = new StreamWriter(logPath) { AutoFlush = true };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_log)
            {
                _log.Add(e.Data);
                _logFile.WriteLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _stdout = _process.StandardOutput.ReadToEndAsync().ContinueWith(t => Append("stdout: " + t.Result), TaskScheduler.Default);
    }

    public string Id { get; }

    public int Pid { get; }

    /// <summary>Where the worker's log is copied as it comes.</summary>
    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The CPU time the worker has used so far (read while it runs: an exited process has none to read).</summary>
    public TimeSpan Cpu => _process.TotalProcessorTime;

    /// <summary>The worker's log lines so far.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>True while the process is stopped (state <c>T</c> in /proc/&lt;pid&gt;/stat).</summary>
    public bool IsStopped
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{Pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('T');
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Starts <c>newsingest <paramref name="verb"/> --config <paramref name="configPath"/></c> as worker
    /// <paramref name="id"/>: <c>Worker:Id</c> and a User-Agent naming it (<see cref="HostFarm.UserAgentFor"/>) are set
    /// through the environment, with <paramref name="environment"/> on top.
    /// </summary>
    public static WorkerProcess Start(string dll, string verb, string configPath, string id, string logPath,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, verb, "--config", configPath })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NEWSINGEST_WORKER__ID"] = id;
        start.Environment["NEWSINGEST_HTTP__USERAGENT"] = HostFarm.UserAgentFor(id);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new WorkerProcess(id, Process.Start(start)!, logPath);
    }

    /// <summary>SIGKILL: the worker ends at once, mid-whatever.</summary>
    public void Kill() => _process.Kill();

    public Task StopAsync() => SignalAsync("STOP");

    public Task ContinueAsync() => SignalAsync("CONT");

    public Task TerminateAsync() => SignalAsync("TERM");

    /// <summary>Waits for the worker to exit; false when it has not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await _stdout;
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The last <paramref name="count"/> log lines, for a failure message.</summary>
    public string Tail(int count = 12) => $"--- {Id} (pid {Pid}, log {LogPath}):\n" + string.Join('\n', Log.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        await _stdout;

        lock (_log)
        {
            _logFile.Dispose();
        }

        _process.Dispose();
    }

    private void Append(string line)
    {
        lock (_log)
        {
            _log.Add(line);
            _logFile.WriteLine(line);
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
