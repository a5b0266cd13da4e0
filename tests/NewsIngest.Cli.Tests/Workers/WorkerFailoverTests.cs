using NewsIngest.Tests.Shared.Workers;

namespace NewsIngest.Cli.Tests.Workers;

/// <summary>
/// Issue 13's must-show with real executables and a real PostgreSQL, at test size: four <c>run</c> workers over
/// 20 loopback hosts × 5 pages (MinDelay 1 s, LeaseTtl 3 s); one stopped past its lease between appending and
/// committing a batch, then resumed, and one killed mid-pass; then a final pass (<see cref="FailoverScenario"/>). The full
/// 100 × 10 shape with 30 s leases is the <c>workers --failover</c> benchmark.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class WorkerFailoverTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Every_page_is_written_once_and_hosts_stay_polite_when_one_worker_is_killed_and_another_stopped_past_its_lease()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using var fleet = await WorkerFleet.StartAsync(new FleetShape(
            NewsIngestExecutable.Path, schema.ConnectionString, Hosts: 20, Pages: 5, Delay, LeaseTtl, Schedule: TimeSpan.FromSeconds(10)));

        var report = await new FailoverScenario(fleet).RunAsync();

        var problems = report.Problems(Delay);
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}\n{fleet.Diagnosis()}");
    }
}
