using System.Diagnostics;
using System.Globalization;

namespace NewsIngest.Benchmarks.ColdStart;

/// <summary>
/// <c>coldstart --hello PATH --newsingest [NAME=]PATH... [--runs N] [--page FILE]... [--config FILE]</c>: starts already
/// published builds (it publishes nothing) again and again, alternating, and prints each command's median wall time and
/// CPU time (user + system, from the kernel) against the hello-world app's, measured in the same run under the same
/// load: the hello-world app, <c>newsingest --help</c>, <c>newsingest extract FILE</c> per page and, with a config,
/// <c>newsingest once --config FILE</c>. <c>--newsingest</c> given more than once compares builds (before and after a
/// change) in the one run, each command's label carrying the build's NAME. A PATH ending in <c>.dll</c> runs as
/// <c>dotnet PATH</c>, any other directly. One round first warms the file cache and is not counted.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var hello, out var newsingest, out var runs, out var pages, out var config))
        {
            await Console.Error.WriteLineAsync("coldstart: usage: coldstart --hello PATH --newsingest [NAME=]PATH... [--runs N] [--page FILE]... [--config FILE] (PATHs of published builds, N 1..500)");
            return 2;
        }

        if (!ChildCpu.IsSupported)
        {
            await Console.Error.WriteLineAsync("coldstart: needs getrusage (Linux or macOS)");
            return 2;
        }

        var cases = new List<ColdStartCase> { Case("hello-world", hello) };
        foreach (var (name, path) in newsingest)
        {
            var label = name is null ? "newsingest" : $"newsingest[{name}]";
            cases.Add(Case($"{label} --help", path, "--help"));
            cases.AddRange(pages.Select(p => Case($"{label} extract {Path.GetFileName(p)}", path, "extract", p)));
            if (config is not null)
            {
                cases.Add(Case($"{label} once --config {Path.GetFileName(config)}", path, "once", "--config", config));
            }
        }

        var loadBefore = LoadAverage();
        var samples = cases.ToDictionary(c => c, _ => new List<(double Wall, double Cpu)>());
        for (var round = 0; round <= runs; round++)
        {
            // Each round starts one case later, so no case always runs right after the same neighbour.
            for (var i = 0; i < cases.Count; i++)
            {
                var item = cases[(i + round) % cases.Count];
                var (exit, wall, cpu, stderr) = await StartAsync(item);
                if (exit != 0)
                {
                    await output.WriteLineAsync($"coldstart: '{item.Label}' exited {exit}: {stderr.Trim()}");
                    return 1;
                }

                if (round > 0)
                {
                    samples[item].Add((wall, cpu));
                }
            }
        }

        await output.WriteLineAsync($"coldstart: {runs} runs of each, alternating; load average before {loadBefore}, after {LoadAverage()}; {Environment.ProcessorCount} cores");
        await output.WriteLineAsync("| command | wall median (p25–p75) | CPU median | wall ÷ hello-world | CPU ÷ hello-world |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        var (helloWall, helloCpu) = (Median(samples[cases[0]].Select(s => s.Wall)), Median(samples[cases[0]].Select(s => s.Cpu)));
        foreach (var item in cases)
        {
            var walls = samples[item].Select(s => s.Wall).ToList();
            var cpu = Median(samples[item].Select(s => s.Cpu));
            var wall = Median(walls);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {item.Label} | {wall * 1000:0} ms ({Quantile(walls, 0.25) * 1000:0}–{Quantile(walls, 0.75) * 1000:0}) | {cpu * 1000:0} ms | {wall / helloWall:0.00} | {cpu / helloCpu:0.00} |"));
        }

        return 0;
    }

    private static ColdStartCase Case(string label, string path, params string[] arguments) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ColdStartCase(label, "dotnet", [path, .. arguments])
            : new ColdStartCase(label, path, arguments);

    // One child at a time: the difference in reaped children's CPU around it is its CPU alone.
    private static async Task<(int Exit, double Wall, double Cpu, string Stderr)> StartAsync(ColdStartCase item)
    {
        var start = new ProcessStartInfo(item.Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in item.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var cpuBefore = ChildCpu.ReapedSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        await stdout;
        return (process.ExitCode, clock.Elapsed.TotalSeconds, ChildCpu.ReapedSeconds() - cpuBefore, await stderr);
    }

    private static double Median(IEnumerable<double> values) => Quantile(values.ToList(), 0.5);

    private static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        var at = q * (sorted.Length - 1);
        var (low, high) = ((int)Math.Floor(at), (int)Math.Ceiling(at));
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static bool TryParse(string[] args, out string hello, out List<(string? Name, string Path)> newsingest, out int runs, out List<string> pages, out string? config)
    {
        (hello, newsingest, runs, pages, config) = ("", [], 20, [], null);
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--hello" when value is not null && File.Exists(value):
                    hello = value;
                    break;
                case "--newsingest" when value is not null && Build(value) is { } build && newsingest.All(b => b.Name != build.Name):
                    newsingest.Add(build);
                    break;
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500:
                    runs = n;
                    break;
                case "--page" when value is not null && File.Exists(value):
                    pages.Add(Path.GetFullPath(value));
                    break;
                case "--config" when value is not null && File.Exists(value):
                    config = Path.GetFullPath(value);
                    break;
                default:
                    return false;
            }

            i++;
        }

        // Builds are told apart by name; one build alone needs none.
        return hello.Length > 0 && newsingest.Count > 0 && (newsingest.Count == 1 || newsingest.All(b => b.Name is not null));
    }

    // "PATH" or "NAME=PATH", the path that of an existing file.
    private static (string? Name, string Path)? Build(string value)
    {
        if (File.Exists(value))
        {
            return (null, value);
        }

        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && File.Exists(value[(equals + 1)..]) ? (value[..equals], value[(equals + 1)..]) : null;
    }
}
