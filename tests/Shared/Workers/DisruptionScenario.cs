using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// Workers under a database fault (issue 13: a worker's connection ended with <c>pg_terminate_backend</c>, a
/// PostgreSQL restart): <see cref="Workers"/> <c>run</c> workers start; mid-pass (the farm has served
/// <see cref="DisruptAfterArticles"/> article pages and the pass has pages to go) the fault is done to the database;
/// then each worker of <see cref="MustReport"/> logs it (a WRN or ERR line after the fault), every worker is still
/// running, a complete pass follows (every article requested again after the fault, every page in the output), and
/// the workers are stopped (SIGTERM) and the output and the farm's log judged.
/// </summary>
internal sealed partial class DisruptionScenario(WorkerFleet fleet, Func<Task<string>> disrupt)
{
    public int Workers { get; init; } = 3;

    public int DisruptAfterArticles { get; init; } = 4;

    /// <summary>The workers that must log the fault; by default all.</summary>
    public IReadOnlyList<string>? MustReport { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    public async Task<DisruptionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var farm = fleet.Farm;
        var urls = farm.ArticleUrls.ToArray();
        var workers = Enumerable.Range(1, Workers).Select(i => fleet.Start($"w{i}")).ToArray();
        await Eventually.TrueAsync(
            () => farm.Requests.Count(r => r.IsArticle && r.Status == 200) >= DisruptAfterArticles || fleet.AnyExited(), Timeout,
            $"the farm did not serve {DisruptAfterArticles} article pages", () => Seen(fleet), cancellationToken);
        fleet.EnsureRunning();

        var servedBefore = farm.Requests.Where(r => r.IsArticle && r.Status == 200).Select(r => r.Url).Distinct().Count();
        var logged = workers.ToDictionary(w => w.Id, w => w.Log.Count);
        var what = await disrupt();
        var disruptedAt = Stopwatch.GetTimestamp();

        // Each worker that must says so, and all go on.
        var mustReport = MustReport ?? [.. workers.Select(w => w.Id)];
        await Eventually.TrueAsync(
            () => mustReport.All(id => Reports(fleet[id], logged[id]).Count > 0) || fleet.AnyExited(), Timeout,
            $"not every worker of {string.Join(", ", mustReport)} logged a warning or error after {what}",
            () => Seen(fleet), cancellationToken);
        fleet.EnsureRunning();

        await Eventually.TrueAsync(
            () => (farm.RequestedAfter(disruptedAt) is var again && urls.All(again.Contains)
                && fleet.Audit(whileRunning: true).Missing(urls).Count == 0) || fleet.AnyExited(),
            Timeout + fleet.Shape.Schedule, $"no complete pass after {what}",
            () => $"articles not requested since: {urls.Except(farm.RequestedAfter(disruptedAt)).Count()}; " +
                $"pages missing from the output: {string.Join(", ", fleet.Audit(whileRunning: true).Missing(urls).Take(10))}; " + Seen(fleet),
            cancellationToken);
        fleet.EnsureRunning();
        var stuck = await fleet.StopAllAsync(TimeSpan.FromSeconds(30));

        var audit = fleet.Audit();
        return new DisruptionReport
        {
            What = what,
            ServedBefore = servedBefore,
            Articles = urls.Length,
            Reported = workers.ToDictionary(w => w.Id, w => Reports(w, logged[w.Id])),
            Torn = audit.Torn,
            Duplicates = audit.Duplicates(),
            Missing = audit.Missing(urls),
            TooClose = farm.TooClose(fleet.Shape.Delay),
            NotStopped = stuck,
            ExitCodes = workers.Where(w => w.HasExited).ToDictionary(w => w.Id, w => w.ExitCode),
        };
    }

    private static IReadOnlyList<string> Reports(WorkerProcess worker, int after) =>
        [.. worker.Log.Skip(after).Where(line => Problem().IsMatch(line))];

    private static string Seen(WorkerFleet fleet)
    {
        var requests = fleet.Farm.Requests;
        return $"farm served {requests.Count} requests ({string.Join(", ", requests.GroupBy(r => r.Worker).OrderBy(g => g.Key).Select(g => $"{g.Key}: {FarmRequest.Breakdown(g)}"))}); " +
            $"output {fleet.Audit(whileRunning: true).Lines} lines\n{fleet.Diagnosis()}";
    }

    // The console log's level tag: "[16:55:05 WRN] ...".
    [GeneratedRegex(@"^\[[0-9:.]+ (WRN|ERR|FTL)\] ")]
    private static partial Regex Problem();
}

/// <summary>What <see cref="DisruptionScenario"/> found; every list is empty when the workers did their job.</summary>
internal sealed record DisruptionReport
{
    /// <summary>What was done to the database.</summary>
    public string What { get; init; } = "";

    /// <summary>Article pages served (whole, distinct) when the fault came, of <see cref="Articles"/>.</summary>
    public int ServedBefore { get; init; }

    public int Articles { get; init; }

    /// <summary>Per worker, its WRN and ERR lines after the fault.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reported { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Torn { get; init; } = [];

    public IReadOnlyList<string> Duplicates { get; init; } = [];

    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<string> TooClose { get; init; } = [];

    public IReadOnlyList<string> NotStopped { get; init; } = [];

    public IReadOnlyDictionary<string, int> ExitCodes { get; init; } = new Dictionary<string, int>();

    /// <summary>What went wrong, one line each; empty when the workers did their job.</summary>
    public IReadOnlyList<string> Problems(TimeSpan delay)
    {
        var problems = new List<string>();
        Add(ServedBefore >= Articles, $"{What} came after every page had been served");
        Add(Torn.Count > 0, $"torn lines: {string.Join("; ", Torn)}");
        Add(Duplicates.Count > 0, $"pages written more than once: {string.Join("; ", Duplicates)}");
        Add(Missing.Count > 0, $"pages never written: {string.Join(", ", Missing)}");
        Add(TooClose.Count > 0, $"requests to one host closer than {delay.TotalMilliseconds:0} ms: {string.Join("; ", TooClose)}");
        Add(NotStopped.Count > 0, $"workers still running 30 s after SIGTERM: {string.Join(", ", NotStopped)}");
        Add(ExitCodes.Values.Any(c => c != 0), $"exit codes after SIGTERM: {string.Join(", ", ExitCodes.Select(p => $"{p.Key} {p.Value}"))}");
        return problems;

        void Add(bool failed, string problem)
        {
            if (failed)
            {
                problems.Add(problem);
            }
        }
    }
}
