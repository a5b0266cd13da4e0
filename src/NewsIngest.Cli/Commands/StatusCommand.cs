using System.CommandLine;
using NewsIngest.Cli.Inspection;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Scheduling;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest status --config F [--json]</c>: per configured source its last pass (when, how long, outcome counts,
/// discovery problems), the next pass its schedule gives, its URLs, records and failing URLs; per host its URLs,
/// failing and deferred URLs, failure streak, robots status, cooldown (until when, if it is cooling down after a
/// 429/503) and last failure. Read-only; exit 0, or 5 with no state yet.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = InspectionSwitches.AddTo(new Command("status", "Show each source's last and next pass and each host's health (read-only)."));
        command.SetAction((parse, token) => InspectionRunner.RunAsync(parse, "status", async (options, state, time, cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var zone = NewsIngestOptionsValidator.FindTimeZone(options.TimeZone);
            var passes = await state.LastPassesAsync(cancellationToken);
            var totals = await state.SourceTotalsAsync(cancellationToken);
            var sources = options.Sources.Select(source =>
            {
                // Validated with the configuration, so it parses.
                Schedule.TryParse(source.Schedule ?? options.DefaultSchedule, zone, out var schedule, out _);
                return SourceView.Of(source.Name, schedule!, passes.GetValueOrDefault(source.Name), totals.GetValueOrDefault(source.Name), now);
            }).ToList();
            var hosts = HostView.Of(await state.AllAsync(cancellationToken), await state.HostsAsync(cancellationToken), now);
            var workers = await state.WorkersAsync(cancellationToken);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(InspectionSwitches.Json))
            {
                await InspectionText.WriteJsonAsync(stdout, new StatusView(state.Location, state.SchemaVersion, now, sources, hosts, workers), cancellationToken);
                return ExitCodes.Ok;
            }

            await stdout.WriteLineAsync($"state {state.Location} (schema {state.SchemaVersion}{(state.HasHistory ? "" : ": no passes or reasons kept until the next once or run upgrades it")}), at {InspectionText.Time(now)}");
            await stdout.WriteLineAsync();
            await WriteSourcesAsync(stdout, sources, cancellationToken);
            await stdout.WriteLineAsync();
            await WriteHostsAsync(stdout, hosts, cancellationToken);
            if (workers.Count > 0)
            {
                await stdout.WriteLineAsync();
                await WriteWorkersAsync(stdout, workers, cancellationToken);
            }

            return ExitCodes.Ok;
        }, token));
        return command;
    }

    private static async Task WriteSourcesAsync(TextWriter stdout, List<SourceView> sources, CancellationToken cancellationToken)
    {
        var table = new TextTable(
            "SOURCE", "LAST PASS (UTC)", "TOOK", "PAGES", "NEW", "CHANGED", "UNCHANGED", "304", "FAILED", "DENIED", "UNAVAIL.",
            "DEFERRED", "NEXT PASS (UTC)", "URLS", "RECORDS", "FAILING").Numeric(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15);
        foreach (var s in sources)
        {
            var p = s.LastPass;
            table.Add(
                s.Name,
                p is null ? "never" : InspectionText.Time(p.StartedAt) + (p.Interrupted ? " (interrupted)" : ""),
                p is null ? "—" : InspectionText.Duration(TimeSpan.FromSeconds(p.DurationSeconds)),
                p?.Pages, p?.New, p?.Changed, p?.Unchanged, p?.NotModified, p?.Failed, p?.RobotsDenied, p?.RobotsUnavailable, p?.Deferred,
                InspectionText.Time(s.NextPassAt) + (s.Overdue ? " (overdue)" : ""),
                s.Urls, s.Records, s.Failing);
        }

        await table.WriteAsync(stdout, cancellationToken);
        foreach (var s in sources)
        {
            foreach (var problem in s.LastPass?.Problems ?? [])
            {
                await stdout.WriteLineAsync(DiscoveryWarning.Is(problem) ? $"  warning: {DiscoveryWarning.Unmarked(problem)}" : $"  problem: {problem}");
            }
        }
    }

    private static async Task WriteHostsAsync(TextWriter stdout, IReadOnlyList<HostView> hosts, CancellationToken cancellationToken)
    {
        if (hosts.Count == 0)
        {
            await stdout.WriteLineAsync("no URLs in the state yet");
            return;
        }

        var table = new TextTable(
            "HOST", "URLS", "FAILING", "DEFERRED", "STREAK", "ROBOTS", "COOLING DOWN UNTIL (UTC)", "LAST FETCH (UTC)", "LAST FAILURE").Numeric(1, 2, 3, 4);
        foreach (var h in hosts)
        {
            table.Add(
                h.Host, h.Urls, h.Failing, h.Deferred, h.FailureStreak, h.Robots, InspectionText.Time(h.CooldownUntil),
                InspectionText.Time(h.LastFetchedAt), h.LastError ?? "—");
        }

        await table.WriteAsync(stdout, cancellationToken);
    }

    /// <summary>Several workers on one PostgreSQL state: each one's registration and the hosts it holds.</summary>
    private static async Task WriteWorkersAsync(TextWriter stdout, IReadOnlyList<WorkerRecord> workers, CancellationToken cancellationToken)
    {
        var table = new TextTable("WORKER", "STATE", "EPOCH", "STARTED (UTC)", "LAST RENEWAL (UTC)", "LEASES", "HOSTS").Numeric(2, 5);
        foreach (var w in workers)
        {
            table.Add(
                w.Id, w.State, w.Epoch, InspectionText.Time(w.StartedAt), InspectionText.Time(w.HeartbeatAt), w.Leases,
                w.Hosts.Count == 0 ? "—" : string.Join(' ', w.Hosts) + (w.Leases > w.Hosts.Count ? " …" : ""));
        }

        await table.WriteAsync(stdout, cancellationToken);
    }

    /// <summary>The JSON shape of <c>status --json</c>.</summary>
    private sealed record StatusView(
        string State, int SchemaVersion, DateTimeOffset At, IReadOnlyList<SourceView> Sources, IReadOnlyList<HostView> Hosts,
        IReadOnlyList<WorkerRecord> Workers);
}
