using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// What a fleet runs: <see cref="Hosts"/> loopback hosts of <see cref="Pages"/> articles each, paced at
/// <see cref="Delay"/>, workers sharing one PostgreSQL schema (<see cref="ConnectionString"/>) with leases of
/// <see cref="LeaseTtl"/>, each source (one feed per host) due every <see cref="Schedule"/>.
/// </summary>
internal sealed record FleetShape(
    string Dll, string ConnectionString, int Hosts, int Pages, TimeSpan Delay, TimeSpan LeaseTtl, TimeSpan Schedule)
{
    /// <summary>Members added to the config's <c>NewsIngest</c> object (JSON, each starting with a comma).</summary>
    public string ExtraConfig { get; init; } = "";
}

/// <summary>
/// A <see cref="HostFarm"/>, a working directory with one config every worker shares (one shared output directory,
/// State:Provider Postgres), and the <c>newsingest</c> workers started over it. Each worker differs only in what its
/// environment says: its <c>Worker:Id</c>, a User-Agent naming it to the farm, and the connection string with
/// <c>Application Name</c> = its id (so its server connections are found in <c>pg_stat_activity</c>). Disposing kills
/// every worker still running, stops the farm and deletes the directory.
/// </summary>
internal sealed class WorkerFleet : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    private WorkerFleet(FleetShape shape, HostFarm farm, string root)
    {
        (Shape, Farm, Root) = (shape, farm, root);
        ConfigPath = Path.Combine(root, "newsingest.json");
    }

    public FleetShape Shape { get; }

    public HostFarm Farm { get; }

    /// <summary>The working directory (config, output, worker logs).</summary>
    public string Root { get; }

    public string ConfigPath { get; }

    /// <summary>The output directory all workers share.</summary>
    public string RecordsDirectory => Path.Combine(Root, "data", "records");

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public static async Task<WorkerFleet> StartAsync(FleetShape shape)
    {
        var root = Path.Combine(Path.GetTempPath(), "newsingest-workers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var farm = await HostFarm.StartAsync(shape.Hosts, shape.Pages);
        var fleet = new WorkerFleet(shape, farm, root);
        fleet.WriteConfig();
        return fleet;
    }

    /// <summary>Starts worker <paramref name="id"/> (<c>run</c> unless told) with <paramref name="environment"/> on top.</summary>
    public WorkerProcess Start(string id, string verb = "run", IReadOnlyDictionary<string, string>? environment = null)
    {
        var connection = new NpgsqlConnectionStringBuilder(Shape.ConnectionString) { ApplicationName = id }.ConnectionString;
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["NEWSINGEST_STATE__CONNECTIONSTRING"] = connection,
        };
        var worker = WorkerProcess.Start(Shape.Dll, verb, ConfigPath, id, Path.Combine(Root, $"{id}.log"), env);
        _workers.Add(worker);
        return worker;
    }

    public WorkerProcess this[string id] => _workers.Last(w => w.Id == id);

    /// <summary>True when a worker other than <paramref name="except"/> has exited.</summary>
    public bool AnyExited(params WorkerProcess[] except) => _workers.Any(w => w.HasExited && !except.Contains(w));

    /// <summary>Throws, with its log, when a worker other than <paramref name="except"/> has exited.</summary>
    public void EnsureRunning(params WorkerProcess[] except)
    {
        if (_workers.FirstOrDefault(w => w.HasExited && !except.Contains(w)) is { } gone)
        {
            throw new InvalidOperationException($"worker {gone.Id} exited (code {gone.ExitCode}) while it should be working\n{Diagnosis()}");
        }
    }

    /// <summary>The output as it stands (<see cref="OutputAudit.Read"/>).</summary>
    public OutputAudit Audit(bool whileRunning = false) => OutputAudit.Read(RecordsDirectory, whileRunning);

    /// <summary>SIGTERM to every worker still running, then waits for each; the ids of those that did not exit.</summary>
    public async Task<IReadOnlyList<string>> StopAllAsync(TimeSpan timeout)
    {
        var running = _workers.Where(w => !w.HasExited).ToList();
        foreach (var worker in running)
        {
            await worker.TerminateAsync();
        }

        var stuck = new List<string>();
        foreach (var worker in running)
        {
            if (!await worker.WaitForExitAsync(timeout))
            {
                stuck.Add(worker.Id);
            }
        }

        return stuck;
    }

    /// <summary>Every worker's last log lines, for a failure message.</summary>
    public string Diagnosis(int lines = 12) => string.Join('\n', _workers.Select(w => w.Tail(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Farm.DisposeAsync();
        if (Environment.GetEnvironmentVariable("NEWSINGEST_KEEP_WORKERS_DIR") == "1")
        {
            // Every request at the server, for a closer look: port, path, worker, status, milliseconds after the first.
            var requests = Farm.Requests;
            var first = requests.Count > 0 ? requests[0].Arrived : 0;
            await File.WriteAllLinesAsync(Path.Combine(Root, "requests.tsv"), requests.Select(r => string.Create(
                CultureInfo.InvariantCulture, $"{r.Port}\t{r.Path}\t{r.Worker}\t{r.Status}\t{Stopwatch.GetElapsedTime(first, r.Arrived).TotalMilliseconds:0.0}")));
        }
        else
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the workers are gone, a file may still be closing.
            }
        }
    }

    private void WriteConfig()
    {
        var sources = string.Join(",\n", Farm.Hosts.Select((h, i) =>
            $$"""      { "Name": "h{{i:000}}", "Feeds": [ "{{h}}feed.xml" ], "Schedule": "{{Span(Shape.Schedule)}}" }"""));
        File.WriteAllText(ConfigPath, $$"""
            {
              "NewsIngest": {
                "Sources": [
            {{sources}}
                ],
                "Output": { "Directory": "data/records" },
                "State": { "Provider": "Postgres", "ConnectionString": "{{Shape.ConnectionString}}" },
                "Worker": { "LeaseTtl": "{{Span(Shape.LeaseTtl)}}", "RenewPeriod": "{{Span(Shape.LeaseTtl / 3)}}" },
                "Http": { "AllowPrivateNetworks": true },
                "Politeness": { "MinDelay": "{{Span(Shape.Delay)}}", "ObeyRobots": true },
                "Pass": { "MaxConcurrency": 64, "MaxDiscoveryConcurrency": {{Shape.Hosts}}, "ShutdownGrace": "00:00:05" }{{Shape.ExtraConfig}}
              }
            }
            """);
    }

    private static string Span(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
