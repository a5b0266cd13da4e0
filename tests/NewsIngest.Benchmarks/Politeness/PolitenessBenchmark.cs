using System.Globalization;
using System.Text.RegularExpressions;
using NewsIngest.Benchmarks.EndToEnd;

namespace NewsIngest.Benchmarks.Politeness;

/// <summary>
/// <c>politeness --hosts N --pages M --delay D</c>: N loopback hosts (one port each, one real Kestrel), each with a
/// robots.txt, a feed of M small articles and the articles; a config with one feed source per host and
/// <c>Politeness:MinDelay</c> D; the built <c>newsingest once</c> as a child. Prints the pass time against the floor
/// (robots.txt, then the feed, then M pages, one spacing apart: (M−1)·D plus the feed and robots.txt fetch, 2·D),
/// the requests that reached one host closer than D after the one before (measured at the server, retries
/// included), and the child's peak RSS. <c>--dll PATH</c> runs another build's <c>newsingest.dll</c> as the child, such as
/// the ReadyToRun publish a deployment runs (README, Deployment); by default the Cli project's Release build.
/// </summary>
internal static partial class PolitenessBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var hosts, out var pages, out var delay, out var dll))
        {
            await Console.Error.WriteLineAsync("politeness: usage: politeness --hosts N --pages M --delay D [--dll PATH] (N 1..2000, M 1..1000, D such as 1s, 500ms or 00:00:01; PATH an existing newsingest.dll)");
            return 2;
        }

        dll ??= OnceProcess.LocateDll();
        var work = Path.Combine(Path.GetTempPath(), "newsingest-politeness-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var site = await PolitenessSite.StartAsync(hosts, pages);
            var config = WriteConfig(work, site.Hosts, delay);
            var floor = ((pages - 1) * delay) + (2 * delay);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"politeness: {hosts} hosts x {pages} pages, MinDelay {delay.TotalSeconds:0.###} s; floor (M-1)*D + feed + robots.txt = {floor.TotalSeconds:0.###} s; child {dll}"));

            var run = await OnceProcess.RunAsync(dll, config, Path.Combine(work, "data", "records"), TimeSpan.FromMinutes(15));
            await output.WriteLineAsync($"newsingest once: exit {run.ExitCode}: {run.Summary} (log: {OnceProcess.ChildLogPath})");
            var expected = hosts * pages;
            if (run.ExitCode != 0 || run.RecordLines != expected)
            {
                await output.WriteLineAsync($"politeness: the pass did not record every page ({run.RecordLines} of {expected} records); last stderr lines:\n{run.StderrTail}");
                return 1;
            }

            var passSeconds = PassSeconds(run.Summary) ?? run.Wall.TotalSeconds;
            var gaps = site.Gaps().ToList();
            var tooClose = gaps.Count(g => g < delay);
            var closest = gaps.Count > 0 ? gaps.Min() : TimeSpan.Zero;
            var over = gaps.Select(g => (g - delay).TotalMilliseconds).Order().ToArray();
            var (meanOver, p99Over) = over.Length > 0 ? (over.Average(), over[(int)(over.Length * 0.99)]) : (0, 0);
            var (most, fewest) = site.RequestsPerHost();
            var peakMb = run.PeakRssKiB / 1024.0;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
                pass: {passSeconds:0.00} s = {passSeconds / floor.TotalSeconds:0.000} x the floor ({floor.TotalSeconds:0.###} s); process {run.Wall.TotalSeconds:0.00} s with start-up
                requests: {site.Requests} served ({fewest}..{most} per host); closer than {delay.TotalSeconds:0.###} s to the one before on the same host: {tooClose} (closest gap {closest.TotalMilliseconds:0.0} ms; a gap exceeds D by {meanOver:0.0} ms on average, {p99Over:0.0} ms at p99)
                peak RSS of the child (VmHWM): {peakMb:0.0} MB; CPU of the child {run.CpuSeconds:0.0} s
                """));
            if (Environment.GetEnvironmentVariable("NEWSINGEST_BENCH_GAPS") == "1")
            {
                foreach (var (index, mean, max) in site.GapsByIndex())
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"gap {index}: mean {mean:0.0} ms, max {max:0.0} ms"));
                }
            }

            return tooClose == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // One feed source per host; every host paced at D; enough slots that the pass is bound by politeness, not by
    // the limits (a page waiting for its host holds no slot, but a source waiting for its host's turn holds a
    // discovery slot, so every source is read at once).
    private static string WriteConfig(string work, IReadOnlyList<Uri> hosts, TimeSpan delay)
    {
        var sources = string.Join(",\n", hosts.Select((h, i) => $$"""      { "Name": "h{{i}}", "Feeds": [ "{{h}}feed.xml" ] }"""));
        var path = Path.Combine(work, "newsingest.json");
        File.WriteAllText(path, $$"""
            {
              "NewsIngest": {
                "Sources": [
            {{sources}}
                ],
                "Output": { "Directory": "data/records" },
                "State": { "Path": "data/state/newsingest.db" },
                "Http": { "AllowPrivateNetworks": true },
                "Politeness": { "MinDelay": "{{delay.ToString("c", CultureInfo.InvariantCulture)}}", "ObeyRobots": true },
                "Pass": { "MaxConcurrency": 256, "MaxDiscoveryConcurrency": {{Math.Min(hosts.Count, 4096)}} }
              },
              "Serilog": { "MinimumLevel": { "Default": "Warning" } }
            }
            """);
        return path;
    }

    private static bool TryParse(string[] args, out int hosts, out int pages, out TimeSpan delay, out string? dll)
    {
        (hosts, pages, delay, dll) = (200, 10, TimeSpan.FromSeconds(1), null);
        var rest = args.Skip(1).ToArray();
        if (rest.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < rest.Length; i += 2)
        {
            var value = rest[i + 1];
            var ok = rest[i] switch
            {
                "--hosts" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out hosts) && hosts is >= 1 and <= 2000,
                "--pages" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pages) && pages is >= 1 and <= 1000,
                "--delay" => TryParseDelay(value, out delay),
                "--dll" => File.Exists(dll = Path.GetFullPath(value)),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseDelay(string text, out TimeSpan delay)
    {
        var match = DelayPattern().Match(text);
        if (match.Success)
        {
            var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            delay = match.Groups[2].Value == "ms" ? TimeSpan.FromMilliseconds(number) : TimeSpan.FromSeconds(number);
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out delay))
        {
            return false;
        }

        return delay > TimeSpan.Zero && delay <= TimeSpan.FromMinutes(1);
    }

    private static double? PassSeconds(string summary)
    {
        var match = DurationPattern().Match(summary);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(s|ms)$")]
    private static partial Regex DelayPattern();

    [GeneratedRegex(@" in (\d+(?:\.\d+)?) s")]
    private static partial Regex DurationPattern();
}
