using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsIngest.Benchmarks.EndToEnd;
using NewsIngest.Tests.Shared;
using NewsIngest.Tests.Shared.Workers;

namespace NewsIngest.Benchmarks.Workers;

/// <summary>
/// <c>workers --workers W --hosts N --pages M --delay D [--lease-ttl T] [--failover] [--dll PATH]</c>: W
/// <c>newsingest run</c> workers (the built executable, as children) sharing one PostgreSQL schema and one output
/// directory over N loopback hosts of M articles (<see cref="HostFarm"/>, one port per host, one feed source per
/// host), paced at D. The server is <c>NEWSINGEST_TEST_POSTGRES</c>, else a throwaway cluster started with
/// <c>.ci/postgres</c> and deleted at exit. Prints the pass time (first request at the farm to every page on disk)
/// against the politeness floor of one host ((M−1)·D + feed + robots.txt = (M+1)·D, the politeness benchmark's), the
/// requests that reached a host closer than D after the one before (at the server, all workers together) and how
/// many pages were written once. <c>--failover</c> runs <see cref="FailoverScenario"/> on the shape instead (W = 4):
/// w2 stopped past its lease between append and commit, another killed mid-pass, a final pass; it prints what the scenario found.
/// </summary>
internal static partial class WorkersBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var options))
        {
            await Console.Error.WriteLineAsync("workers: usage: workers --workers W --hosts N --pages M --delay D [--lease-ttl T] [--failover] [--dll PATH] (W 1..16, N 1..1000, M 1..100, D and T such as 1s, 500ms or 00:00:01; --failover needs W = 4)");
            return 2;
        }

        var (workers, hosts, pages, delay, leaseTtl, failover, dll) = options;
        dll ??= OnceProcess.LocateDll();
        var server = Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 } ? "NEWSINGEST_TEST_POSTGRES" : "a cluster started with .ci/postgres";
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var floor = (pages + 1) * delay;
        // One pass unless the failover scenario needs a final one.
        var schedule = failover ? leaseTtl + TimeSpan.FromSeconds(30) : TimeSpan.FromHours(1);
        await using var fleet = await WorkerFleet.StartAsync(new FleetShape(dll, schema.ConnectionString, hosts, pages, delay, leaseTtl, schedule));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"workers: {workers} x newsingest run, {hosts} hosts x {pages} pages, MinDelay {delay.TotalSeconds:0.###} s, LeaseTtl {leaseTtl.TotalSeconds:0.###} s, PostgreSQL from {server}; floor (M+1)*D = {floor.TotalSeconds:0.###} s; child {dll}; logs under {fleet.Root}"));
        try
        {
            return failover ? await FailoverAsync(fleet, output) : await PassAsync(fleet, workers, floor, output);
        }
        catch (TimeoutException ex)
        {
            await output.WriteLineAsync($"workers: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> PassAsync(WorkerFleet fleet, int workers, TimeSpan floor, TextWriter output)
    {
        var urls = fleet.Farm.ArticleUrls.ToArray();
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= workers; i++)
        {
            fleet.Start($"w{i}");
        }

        await Eventually.TrueAsync(() => fleet.Audit(whileRunning: true).Present(urls) == urls.Length || fleet.AnyExited(),
            TimeSpan.FromMinutes(15), "the workers did not record every page",
            () => $"{fleet.Audit(whileRunning: true).Present(urls)} of {urls.Length} recorded\n{fleet.Diagnosis()}");
        var done = Stopwatch.GetTimestamp();
        var wall = clock.Elapsed;
        var cpu = fleet.Workers.Select(w => (w.Id, w.Cpu)).ToArray();
        fleet.EnsureRunning();
        var stuck = await fleet.StopAllAsync(TimeSpan.FromSeconds(30));

        var requests = fleet.Farm.Requests;
        var first = requests.Min(r => r.Arrived);
        var lastArticle = requests.Where(r => r.IsArticle).Max(r => r.Arrived);
        var pass = Stopwatch.GetElapsedTime(first, done);
        var audit = fleet.Audit();
        var tooClose = fleet.Farm.TooClose(fleet.Shape.Delay);
        var gaps = fleet.Farm.Gaps();
        var once = urls.Length - audit.Missing(urls).Count - audit.Duplicates().Count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            pass: {pass.TotalSeconds:0.00} s = {pass / floor:0.000} x the floor ({floor.TotalSeconds:0.###} s), first request to every page on disk (last article request at {Stopwatch.GetElapsedTime(first, lastArticle).TotalSeconds:0.00} s); {wall.TotalSeconds:0.00} s from the first worker's start
            requests: {requests.Count} served ({string.Join(", ", requests.GroupBy(r => r.Worker).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); closer than {fleet.Shape.Delay.TotalSeconds:0.###} s to the one before on the same host: {tooClose.Count} (closest gap {(gaps.Count > 0 ? gaps.Min().TotalMilliseconds : 0):0.0} ms)
            pages: {once} of {urls.Length} written exactly once; duplicates {audit.Duplicates().Count}, missing {audit.Missing(urls).Count}, torn lines {audit.Torn.Count}; {audit.Files.Count} files
            workers: {(stuck.Count == 0 ? "all stopped on SIGTERM" : "not stopped: " + string.Join(", ", stuck))}; exit codes {string.Join(", ", fleet.Workers.Where(w => w.HasExited).Select(w => $"{w.Id} {w.ExitCode}"))}
            """));
        await output.WriteLineAsync(HostTimes(requests, first, fleet.Shape.Delay));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"cpu: workers {cpu.Sum(c => c.Cpu.TotalSeconds):0.0} s ({string.Join(", ", cpu.Select(c => $"{c.Id} {c.Cpu.TotalSeconds:0.0} s"))}), {cpu.Sum(c => c.Cpu.TotalMilliseconds) / urls.Length:0.0} ms per page, start-up included; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var line in tooClose.Take(10).Concat(audit.Duplicates().Take(10)).Concat(audit.Torn.Take(10)))
        {
            await output.WriteLineAsync("  " + line);
        }

        return tooClose.Count == 0 && once == urls.Length && audit.Torn.Count == 0 && stuck.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Where a pass's time above the floor goes, per host at the server: when its first request came (a late start is
    /// discovery or leasing), when its last came, and how much longer than the delay its gaps were (slow turns).
    /// </summary>
    private static string HostTimes(IReadOnlyList<FarmRequest> requests, long first, TimeSpan delay)
    {
        var hosts = requests.GroupBy(r => r.Port).Select(g => g.OrderBy(r => r.Arrived).ToArray()).ToArray();
        var starts = hosts.Select(h => Stopwatch.GetElapsedTime(first, h[0].Arrived).TotalSeconds).Order().ToArray();
        var ends = hosts.Select(h => Stopwatch.GetElapsedTime(first, h[^1].Arrived).TotalSeconds).Order().ToArray();
        var over = hosts.SelectMany(h => h.Zip(h.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Arrived, b.Arrived) - delay))
            .Select(t => t.TotalMilliseconds).Order().ToArray();
        var positions = Enumerable.Range(0, hosts.Max(h => h.Length) - 1)
            .Select(i => hosts.Where(h => h.Length > i + 1).Select(h => (Stopwatch.GetElapsedTime(h[i].Arrived, h[i + 1].Arrived) - delay).TotalMilliseconds).Order().ToArray())
            .Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}: {Quantile(g, 0.5):0}/{Quantile(g, 0.9):0}/{g[^1]:0}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"gaps over the delay by position (request i to i+1, ms p50/p90/max): {string.Join(", ", positions)}\n") + string.Create(CultureInfo.InvariantCulture,
            $"hosts: first request at p50 {Quantile(starts, 0.5):0.00} s, p90 {Quantile(starts, 0.9):0.00} s, last {starts[^1]:0.00} s; last request at p50 {Quantile(ends, 0.5):0.00} s, p90 {Quantile(ends, 0.9):0.00} s, last {ends[^1]:0.00} s; gap over the delay p50 {Quantile(over, 0.5):0} ms, p90 {Quantile(over, 0.9):0} ms, max {(over.Length > 0 ? over[^1] : 0):0} ms, sum per host {(over.Length > 0 ? over.Sum() / hosts.Length / 1000 : 0):0.00} s");
    }

    private static double Quantile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];

    private static async Task<int> FailoverAsync(WorkerFleet fleet, TextWriter output)
    {
        var report = await new FailoverScenario(fleet) { Timeout = TimeSpan.FromMinutes(10) }.RunAsync();
        var limit = fleet.Shape.LeaseTtl + TimeSpan.FromSeconds(5);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            failover: {report.Killed} killed with {report.ServedBeforeKill} of {report.Articles} pages served, working {report.KilledHosts.Count} unfinished hosts; w2 stopped at {FailoverScenario.PauseAt} with {report.PausedUncommitted.Count} records appended, uncommitted, for {report.Takeover.TotalSeconds:0.0} s; {report.Elapsed.TotalSeconds:0.0} s in all
            {report.Killed}'s hosts resumed: slowest {report.SlowestResume.TotalSeconds:0.0} s after the kill (bound LeaseTtl + 5 s = {limit.TotalSeconds:0} s); later or never: {report.SlowResumes.Count}
            pages: duplicates {report.Duplicates.Count}, missing {report.Missing.Count}, torn lines {report.Torn.Count}; requests closer than the delay: {report.TooClose.Count}
            workers: {(report.NotStopped.Count == 0 ? "all stopped on SIGTERM" : "not stopped: " + string.Join(", ", report.NotStopped))}; exit codes {string.Join(", ", report.ExitCodes.Select(p => $"{p.Key} {p.Value}"))}
            """));
        var problems = report.Problems(fleet.Shape.Delay);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("  " + (problem.Length > 2000 ? problem[..2000] + " ..." : problem));
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static bool TryParse(string[] args, out (int Workers, int Hosts, int Pages, TimeSpan Delay, TimeSpan LeaseTtl, bool Failover, string? Dll) options)
    {
        options = (4, 100, 10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), false, null);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--failover")
            {
                options.Failover = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return false;
            }

            var value = args[++i];
            var ok = args[i - 1] switch
            {
                "--workers" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out options.Workers) && options.Workers is >= 1 and <= 16,
                "--hosts" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out options.Hosts) && options.Hosts is >= 1 and <= 1000,
                "--pages" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out options.Pages) && options.Pages is >= 1 and <= 100,
                "--delay" => TryParseSpan(value, out options.Delay),
                "--lease-ttl" => TryParseSpan(value, out options.LeaseTtl),
                "--dll" => File.Exists(options.Dll = Path.GetFullPath(value)),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return !options.Failover || options.Workers == 4;
    }

    private static bool TryParseSpan(string text, out TimeSpan span)
    {
        var match = SpanPattern().Match(text);
        if (match.Success)
        {
            var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            span = match.Groups[2].Value == "ms" ? TimeSpan.FromMilliseconds(number) : TimeSpan.FromSeconds(number);
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out span))
        {
            return false;
        }

        return span > TimeSpan.Zero && span <= TimeSpan.FromMinutes(10);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(s|ms)$")]
    private static partial Regex SpanPattern();
}
