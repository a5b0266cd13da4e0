using System.Diagnostics;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// Runs the real executable, <c>dotnet newsingest.dll once --config F</c>, from the Release build of the Cli
/// project (built by this project's build through a non-referencing ProjectReference). <c>dotnet app.dll</c> runs
/// the app in the host process itself, so the child's pid is the one whose memory is measured.
/// </summary>
internal static class OnceProcess
{
    /// <summary>Where the last child's stderr (its log) is kept.</summary>
    public static string ChildLogPath => Path.Combine(Path.GetTempPath(), "newsingest-e2e-child.log");

    /// <summary>The Cli's newsingest.dll of this build's configuration, found from the repository root.</summary>
    public static string LocateDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (output.Name, output.Parent!.Name);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsIngest.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "NewsIngest.Cli", "bin", configuration, tfm, "newsingest.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the Cli project first: {dll} is missing", dll);
            }
        }

        throw new DirectoryNotFoundException("NewsIngest.sln not found above " + output.FullName);
    }

    /// <summary>
    /// Runs <c>once</c> on <paramref name="configPath"/>; killed after <paramref name="timeout"/> (bounded run).
    /// <paramref name="environment"/> is added to the child's environment only (runtime knobs such as
    /// <c>DOTNET_TieredPGO</c>), so the in-process reference keeps its own settings.
    /// </summary>
    public static async Task<ChildRun> RunAsync(
        string dll, string configPath, string recordsDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "once", "--config", configPath })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource(timeout);
        var sampled = ChildSampler.WatchAsync(process, stop.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        clock.Stop();
        var summary = (await stdout).Split('\n').FirstOrDefault(l => l.Contains(" pages from ", StringComparison.Ordinal)) ?? "(no summary line)";
        // The child's whole log is kept for diagnosis (overwritten by the next run); the report shows its tail.
        var log = await stderr;
        await File.WriteAllTextAsync(ChildLogPath, log, CancellationToken.None);
        var errLines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var records = Directory.Exists(recordsDirectory)
            ? Directory.GetFiles(recordsDirectory, "*.jsonl").Sum(f => File.ReadLines(f).Count())
            : 0;
        var (peak, cpu) = await sampled;
        return new ChildRun(process.ExitCode, summary.Trim(), string.Join('\n', errLines.TakeLast(5)), clock.Elapsed, peak, cpu, records);
    }
}
