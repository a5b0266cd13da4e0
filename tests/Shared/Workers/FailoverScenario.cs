using System.Diagnostics;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// The must-show of several workers (issue 13) with four <c>run</c> workers over the fleet's hosts. w2 starts alone
/// and stops itself (SIGSTOP, <c>NEWSINGEST_TEST_PAUSE_AT=appended:1</c>) right after appending its first batch of
/// records and before committing it, holding hosts. Then w1, w3 and w4 start; the first of them the farm has served
/// <see cref="KillAfterArticles"/> article pages is killed (SIGKILL) mid-pass. w2 stays stopped longer than the lease,
/// until the others have requested every host it had been working, and is resumed (SIGCONT), so its commit comes
/// after its leases have gone. Then a final pass: every host's every article requested again after the resume, and
/// every page in the output. Then all workers stopped (SIGTERM) and the output and the farm's log judged
/// (<see cref="FailoverReport"/>).
/// </summary>
internal sealed class FailoverScenario(WorkerFleet fleet)
{
    /// <summary>The pause point the paused worker is armed with.</summary>
    public const string PauseAt = "appended:1";

    /// <summary>Article pages the farm serves a worker before it is killed.</summary>
    public int KillAfterArticles { get; init; } = 2;

    /// <summary>The bound of every wait.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    public async Task<FailoverReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var farm = fleet.Farm;
        var urls = farm.ArticleUrls.ToArray();
        var started = Stopwatch.GetTimestamp();

        // w2 first, alone: it takes the hosts, and stops itself between appending its first batch and committing it.
        var paused = fleet.Start("w2", environment: new Dictionary<string, string> { ["NEWSINGEST_TEST_PAUSE_AT"] = PauseAt });
        await Eventually.TrueAsync(() => paused.IsStopped || fleet.AnyExited(), Timeout,
            $"w2 did not stop itself at {PauseAt}", () => Seen(fleet), cancellationToken);
        fleet.EnsureRunning();
        var pausedAt = Stopwatch.GetTimestamp();
        var pausedAlive = !paused.HasExited;
        var pausedHosts = farm.Requests.Where(r => r.Worker == "w2" && r.Arrived <= pausedAt).Select(r => r.Port).Distinct().ToArray();
        var uncommitted = fleet.Audit(whileRunning: true) is var atPause ? atPause.FilesOf("w2").SelectMany(atPause.UrlsIn).ToArray() : [];

        // Then the other three. The one killed is the first the farm has served KillAfterArticles pages to: whichever
        // got hosts, it is working mid-pass when it dies (the check below says the pass had pages to go).
        WorkerProcess[] others = [fleet.Start("w1"), fleet.Start("w3"), fleet.Start("w4")];
        await Eventually.TrueAsync(() => others.Any(w => farm.ArticlesServedTo(w.Id) >= KillAfterArticles) || fleet.AnyExited(), Timeout,
            $"no worker was served {KillAfterArticles} article pages", () => Seen(fleet), cancellationToken);
        fleet.EnsureRunning();
        var killed = others.First(w => farm.ArticlesServedTo(w.Id) >= KillAfterArticles);
        var servedBeforeKill = farm.Requests.Where(r => r.IsArticle && r.Status == 200).Select(r => (r.Port, r.Path)).Distinct().Count();
        killed.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        await killed.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var killedHosts = farm.UnfinishedHostsOf(killed.Id, killedAt);

        // Past its lease: a whole lease has gone by, and the others have taken every host it had been working.
        await Eventually.TrueAsync(
            () => Stopwatch.GetElapsedTime(pausedAt) > fleet.Shape.LeaseTtl
                && pausedHosts.All(port => farm.Requests.Any(r => r.Port == port && r.Worker != "w2" && r.Arrived > pausedAt)),
            Timeout, "the other workers did not take over every host of the stopped w2",
            () => $"hosts of w2 not requested by another since it stopped: " +
                string.Join(", ", pausedHosts.Where(p => !farm.Requests.Any(r => r.Port == p && r.Worker != "w2" && r.Arrived > pausedAt))) +
                "; " + Seen(fleet),
            cancellationToken);
        var takeover = Stopwatch.GetElapsedTime(pausedAt);
        await paused.ContinueAsync();
        var resumedAt = Stopwatch.GetTimestamp();

        // The final pass: every article requested again after the resume, and every page recorded.
        await Eventually.TrueAsync(
            () => farm.RequestedAfter(resumedAt) is var again && urls.All(again.Contains)
                && fleet.Audit(whileRunning: true).Missing(urls).Count == 0,
            Timeout + fleet.Shape.Schedule, "no complete final pass after w2 resumed",
            () => $"articles not requested since the resume: " +
                urls.Except(farm.RequestedAfter(resumedAt)).Count() +
                $"; pages missing from the output: {string.Join(", ", fleet.Audit(whileRunning: true).Missing(urls).Take(10))}; " + Seen(fleet),
            cancellationToken);
        var stuck = await fleet.StopAllAsync(TimeSpan.FromSeconds(30));

        var audit = fleet.Audit();
        var limit = fleet.Shape.LeaseTtl + TimeSpan.FromSeconds(5);
        var resumes = killedHosts.Select(port => (Port: port, Next: farm.FirstAfter(port, killedAt))).ToArray();
        return new FailoverReport
        {
            Killed = killed.Id,
            ServedBeforeKill = servedBeforeKill,
            Articles = urls.Length,
            KilledHosts = killedHosts,
            PausedAlive = pausedAlive,
            PausedUncommitted = uncommitted,
            Takeover = takeover,
            Torn = audit.Torn,
            Duplicates = audit.Duplicates(),
            Missing = audit.Missing(urls),
            TooClose = farm.TooClose(fleet.Shape.Delay),
            SlowResumes =
            [
                .. resumes.Where(r => r.Next is null || Stopwatch.GetElapsedTime(killedAt, r.Next.Arrived) > limit)
                    .Select(r => r.Next is null
                        ? $"127.0.0.1:{r.Port}: no request after the kill"
                        : $"127.0.0.1:{r.Port}: next request {Stopwatch.GetElapsedTime(killedAt, r.Next.Arrived).TotalSeconds:0.0} s after the kill ({r.Next.Path} by {r.Next.Worker}); " +
                            $"its requests, seconds from the kill: {farm.Trace(r.Port, killedAt)}"),
            ],
            SlowestResume = resumes.Where(r => r.Next is not null).Select(r => Stopwatch.GetElapsedTime(killedAt, r.Next!.Arrived)).DefaultIfEmpty().Max(),
            NotStopped = stuck,
            ExitCodes = fleet.Workers.Where(w => w.HasExited).ToDictionary(w => w.Id, w => w.ExitCode),
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    private static string Seen(WorkerFleet fleet)
    {
        var requests = fleet.Farm.Requests;
        return $"farm served {requests.Count} requests ({string.Join(", ", requests.GroupBy(r => r.Worker).OrderBy(g => g.Key).Select(g => $"{g.Key}: {FarmRequest.Breakdown(g)}"))}); " +
            $"output {fleet.Audit(whileRunning: true).Lines} lines\n{fleet.Diagnosis()}";
    }
}

/// <summary>What <see cref="FailoverScenario"/> found; every list is empty when the workers did their job.</summary>
internal sealed record FailoverReport
{
    /// <summary>The worker killed.</summary>
    public string Killed { get; init; } = "";

    /// <summary>Article pages served (whole, distinct) when the worker was killed, of <see cref="Articles"/>.</summary>
    public int ServedBeforeKill { get; init; }

    public int Articles { get; init; }

    /// <summary>Hosts the killed worker had been working, whose pass was not over, when it was killed.</summary>
    public IReadOnlyList<int> KilledHosts { get; init; } = [];

    /// <summary>True when w2 was stopped (not dead) at its pause point.</summary>
    public bool PausedAlive { get; init; }

    /// <summary>The pages in w2's files when it stopped: its first batch, appended but not committed.</summary>
    public IReadOnlyList<string> PausedUncommitted { get; init; } = [];

    /// <summary>How long w2 stayed stopped (until its hosts had all been taken over).</summary>
    public TimeSpan Takeover { get; init; }

    public IReadOnlyList<string> Torn { get; init; } = [];

    public IReadOnlyList<string> Duplicates { get; init; } = [];

    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Requests to one host closer than the delay, at the server, all workers together.</summary>
    public IReadOnlyList<string> TooClose { get; init; } = [];

    /// <summary>Hosts of the killed worker whose next request came later than LeaseTtl + 5 s after the kill (or never).</summary>
    public IReadOnlyList<string> SlowResumes { get; init; } = [];

    public TimeSpan SlowestResume { get; init; }

    /// <summary>Workers that did not exit within 30 s of SIGTERM at the end.</summary>
    public IReadOnlyList<string> NotStopped { get; init; } = [];

    public IReadOnlyDictionary<string, int> ExitCodes { get; init; } = new Dictionary<string, int>();

    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// What went wrong, one line each: the scenario not happening as described (the kill after the pass, no record
    /// held uncommitted at the pause), then every check that failed. Empty when the workers did their job.
    /// </summary>
    public IReadOnlyList<string> Problems(TimeSpan delay)
    {
        var problems = new List<string>();
        Add(ServedBeforeKill >= Articles, $"{Killed} was killed after every page had been served");
        Add(KilledHosts.Count == 0, $"{Killed} was working no host when it was killed");
        Add(!PausedAlive, $"w2 exited instead of stopping at {FailoverScenario.PauseAt}");
        Add(PausedUncommitted.Count == 0, "w2 had appended no record when it stopped");
        Add(Torn.Count > 0, $"torn lines: {string.Join("; ", Torn)}");
        Add(Duplicates.Count > 0, $"pages written more than once: {string.Join("; ", Duplicates)}");
        Add(Missing.Count > 0, $"pages never written: {string.Join(", ", Missing)}");
        Add(TooClose.Count > 0, $"requests to one host closer than {delay.TotalMilliseconds:0} ms: {string.Join("; ", TooClose)}");
        Add(SlowResumes.Count > 0, $"{Killed}'s hosts not resumed within LeaseTtl + 5 s: {string.Join("; ", SlowResumes)}");
        Add(NotStopped.Count > 0, $"workers still running 30 s after SIGTERM: {string.Join(", ", NotStopped)}");
        // w2 may exit on its own when it finds it was replaced (leases decides); the untouched workers stop cleanly.
        Add(ExitCodes.Any(p => p.Key != Killed && p.Key != "w2" && p.Value != 0),
            $"exit codes after SIGTERM: {string.Join(", ", ExitCodes.Select(p => $"{p.Key} {p.Value}"))}");
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
