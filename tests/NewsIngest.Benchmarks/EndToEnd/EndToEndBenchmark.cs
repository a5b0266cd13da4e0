using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e [--pages N] [--dll PATH]</c>: a loopback Kestrel site of N generated article pages (sitemap, permissive
/// robots.txt), the real <c>newsingest once</c> over it as a child process with politeness off for that host, and the
/// extraction-only rate on the same pages in this process. Reports pages/s, the child's peak RSS and, the issue-10
/// measure, the child's CPU per page against in-process extraction CPU per page, measured back to back in this run
/// (target ≤ 1.6×). <c>--dll PATH</c> runs another build's <c>newsingest.dll</c> as the child, such as the ReadyToRun
/// publish a deployment runs (README, Deployment); by default the Cli project's Release build.
/// </summary>
internal static partial class EndToEndBenchmark
{
    private const double RatioTarget = 0.8;
    private const double RssTargetMb = 200;
    private const double CpuRatioTarget = 1.6;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var count, out var dll))
        {
            await Console.Error.WriteLineAsync("e2e: usage: e2e [--pages N] [--dll PATH] (N from 1 to 50000, default 5000; PATH an existing newsingest.dll)");
            return 2;
        }

        dll ??= OnceProcess.LocateDll();
        var work = Path.Combine(Path.GetTempPath(), "newsingest-e2e-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var site = await BenchSite.StartAsync(count, GeneratedPages.Page);
            var pages = site.Pages().ToList();
            var megabytes = pages.Sum(p => p.Body.Length) / 1e6;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"e2e: {count} pages, {megabytes:0.0} MB ({megabytes * 1000 / count:0.0} KB/page), {count / 5} paywalled, at {site.BaseUrl}; child {dll}"));

            var (single, _) = ExtractionReference.Measure(pages, 1);
            var (parallel, extractCpuMs) = ExtractionReference.Measure(pages, Environment.ProcessorCount);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"extraction only (in-process, decode + extract): {single:0.0} pages/s on 1 thread, {parallel:0.0} pages/s on {Environment.ProcessorCount} threads"));

            var config = WriteConfig(work, site.SitemapUrl);
            var before = site.Requests;
            var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = await OnceProcess.RunAsync(dll, config, Path.Combine(work, "data", "records"), TimeSpan.FromMinutes(15));
            serverCpu = Process.GetCurrentProcess().TotalProcessorTime - serverCpu;
            await output.WriteLineAsync($"newsingest once: exit {run.ExitCode}: {run.Summary} (log: {OnceProcess.ChildLogPath})");
            if (run.ExitCode != 0 || run.RecordLines != count)
            {
                await output.WriteLineAsync($"e2e: the pass did not record every page ({run.RecordLines} of {count} records); last stderr lines:\n{run.StderrTail}");
                return 1;
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
            return 0;
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

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static bool TryParse(string[] args, out int count, out string? dll)
    {
        (count, dll) = (5000, null);
        var rest = args.Skip(1).ToArray();
        if (rest.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < rest.Length; i += 2)
        {
            var ok = rest[i] switch
            {
                "--pages" => int.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= 50_000,
                "--dll" => File.Exists(dll = Path.GetFullPath(rest[i + 1])),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

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
