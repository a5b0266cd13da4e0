using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e [--pages N] [--rounds R] [--dll PATH [--env NAME=VALUE]...]...</c>: a loopback Kestrel site of N generated
/// article pages (sitemap, permissive robots.txt), the real <c>newsingest once</c> over it as a child process with
/// politeness off for that host, and the extraction-only rate on the same pages in this process. Reports pages/s, the
/// child's peak RSS and, the issue-10 measure, the child's CPU per page against in-process extraction CPU per page,
/// measured back to back (the reference again right before each child). <c>--dll PATH</c> runs another build's
/// <c>newsingest.dll</c> as the child, such as the ReadyToRun publish a deployment runs (README, Deployment); by
/// default the Cli project's Release build. Several <c>--dll</c> (each with its own <c>--env</c> variables) run in
/// turn, <c>--rounds</c> times, so two builds or runtime settings are compared alternately under the same load.
/// </summary>
internal static partial class EndToEndBenchmark
{
    private const double RatioTarget = 0.8;
    private const double RssTargetMb = 200;
    private const double CpuRatioTarget = 1.6;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = EndToEndOptions.Parse(args, OnceProcess.LocateDll);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(EndToEndOptions.Usage);
            return 2;
        }

        var count = options.Pages;
        await using var site = await BenchSite.StartAsync(count, GeneratedPages.Page);
        var pages = site.Pages().ToList();
        var megabytes = pages.Sum(p => p.Body.Length) / 1e6;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"e2e: {count} pages, {megabytes:0.0} MB ({megabytes * 1000 / count:0.0} KB/page), {count / 5} paywalled, at {site.BaseUrl}; {options.Children.Count} child build(s), {options.Rounds} round(s)"));
        var (single, _) = ExtractionReference.Measure(pages, 1);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"extraction only (in-process, decode + extract): {single:0.0} pages/s on 1 thread"));

        var ratios = options.Children.Select(_ => new List<(double Ratio, double ChildMs, double ExtractMs, double PeakMb)>()).ToList();
        for (var round = 1; round <= options.Rounds; round++)
        {
            for (var i = 0; i < options.Children.Count; i++)
            {
                var child = options.Children[i];
                await output.WriteLineAsync($"--- round {round}, child {i + 1}: {child.Label}; load average {LoadAverage()}");
                var measured = await RunOnceAsync(site, pages, single, child, output);
                if (measured is null)
                {
                    return 1;
                }

                ratios[i].Add(measured.Value);
            }
        }

        await output.WriteLineAsync($"summary (CPU per page, once against extraction only; target <= {CpuRatioTarget:0.0}x), load average now {LoadAverage()}:");
        for (var i = 0; i < options.Children.Count; i++)
        {
            var runs = ratios[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  child {i + 1} ({options.Children[i].Label}): ratio {string.Join(", ", runs.Select(r => r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)))}; child {string.Join(", ", runs.Select(r => r.ChildMs.ToString("0.00", CultureInfo.InvariantCulture)))} ms/page; extraction only {string.Join(", ", runs.Select(r => r.ExtractMs.ToString("0.00", CultureInfo.InvariantCulture)))} ms/page; peak RSS {string.Join(", ", runs.Select(r => r.PeakMb.ToString("0", CultureInfo.InvariantCulture)))} MB"));
        }

        return 0;
    }

    private static async Task<(double Ratio, double ChildMs, double ExtractMs, double PeakMb)?> RunOnceAsync(
        BenchSite site, List<(string Url, byte[] Body)> pages, double single, ChildVariant child, TextWriter output)
    {
        var count = pages.Count;
        var work = Path.Combine(Path.GetTempPath(), "newsingest-e2e-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var (parallel, extractCpuMs) = ExtractionReference.Measure(pages, Environment.ProcessorCount);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"extraction only (in-process, decode + extract): {parallel:0.0} pages/s on {Environment.ProcessorCount} threads"));

            var config = WriteConfig(work, site.SitemapUrl);
            var before = site.Requests;
            var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = await OnceProcess.RunAsync(child.Dll, config, Path.Combine(work, "data", "records"), TimeSpan.FromMinutes(15), child.Environment);
            serverCpu = Process.GetCurrentProcess().TotalProcessorTime - serverCpu;
            await output.WriteLineAsync($"newsingest once: exit {run.ExitCode}: {run.Summary} (log: {OnceProcess.ChildLogPath})");
            if (run.ExitCode != 0 || run.RecordLines != count)
            {
                await output.WriteLineAsync($"e2e: the pass did not record every page ({run.RecordLines} of {count} records); last stderr lines:\n{run.StderrTail}");
                return null;
            }

            var passSeconds = PassSeconds(run.Summary) ?? run.Wall.TotalSeconds;
            var passRate = count / passSeconds;
            var wallRate = count / run.Wall.TotalSeconds;
            var peakMb = run.PeakRssKiB / 1024.0;
            var childCpuMs = run.CpuSeconds * 1000 / count;
            var cpuRatio = childCpuMs / extractCpuMs;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
                end to end: {passRate:0.0} pages/s over the pass ({passSeconds:0.0} s), {wallRate:0.0} pages/s over the process ({run.Wall.TotalSeconds:0.0} s with start-up); {site.Requests - before} requests served; {run.RecordLines} records
                ratio to extraction only: {passRate / parallel:0.00} of {Environment.ProcessorCount} threads, {passRate / single:0.00} of 1 thread (target >= {RatioTarget:0.00}): {Verdict(passRate / parallel >= RatioTarget)}
                peak RSS of the child (VmHWM): {peakMb:0.0} MB (target <= {RssTargetMb:0} MB): {Verdict(peakMb > 0 && peakMb <= RssTargetMb)}
                CPU: the child {run.CpuSeconds:0.0} s ({childCpuMs:0.00} ms/page; extraction only {extractCpuMs:0.00} ms/page), the server (this process) {serverCpu.TotalSeconds:0.0} s; together {(run.CpuSeconds + serverCpu.TotalSeconds) / run.Wall.TotalSeconds:0.00} of {Environment.ProcessorCount} cores over the process
                CPU per page, once against extraction only: {cpuRatio:0.00}x (target <= {CpuRatioTarget:0.0}x): {Verdict(cpuRatio <= CpuRatioTarget)}
                """));
            return (cpuRatio, childCpuMs, extractCpuMs, peakMb);
        }
        finally
        {
            // NEWSINGEST_BENCH_KEEP=1 keeps the child's records and state, to compare two builds' output.
            if (Environment.GetEnvironmentVariable("NEWSINGEST_BENCH_KEEP") == "1")
            {
                await output.WriteLineAsync($"kept: {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to judge how shared the machine was.</summary>
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

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static double? PassSeconds(string summary)
    {
        var match = DurationPattern().Match(summary);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // Politeness off for the loopback host (no spacing, robots.txt still fetched and obeyed); 4 pages in flight; logging
    // as in samples/newsingest.json.
    private static string WriteConfig(string work, string sitemapUrl)
    {
        var path = Path.Combine(work, "newsingest.json");
        File.WriteAllText(path, $$"""
            {
              "NewsIngest": {
                "Sources": [ { "Name": "bench", "Sitemaps": [ "{{sitemapUrl}}" ] } ],
                "Output": { "Directory": "data/records" },
                "State": { "Path": "data/state/newsingest.db" },
                "Http": { "AllowPrivateNetworks": true },
                "Politeness": { "MinDelay": "00:00:00", "ObeyRobots": true },
                "Pass": { "MaxConcurrency": 4, "MaxConcurrencyPerHost": 4 }
              },
              "Serilog": { "MinimumLevel": { "Default": "Information", "Override": { "Microsoft": "Warning" } } }
            }
            """);
        return path;
    }

    [GeneratedRegex(@" in (\d+(?:\.\d+)?) s")]
    private static partial Regex DurationPattern();
}
