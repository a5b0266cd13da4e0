using NewsIngest.Tests.Shared.Workers;
using Npgsql;

namespace NewsIngest.Cli.Tests.Workers;

/// <summary>
/// Three <c>run</c> workers over 8 loopback hosts × 5 pages on a real PostgreSQL when the database fails them
/// mid-pass (<see cref="DisruptionScenario"/>): the workers say so, keep running, and a complete pass afterwards
/// leaves every page written exactly once, no torn line and every host polite.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class DatabaseFaultTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_worker_whose_connections_are_ended_by_pg_terminate_backend_reports_retries_and_loses_nothing()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using var fleet = await WorkerFleet.StartAsync(Shape(schema.ConnectionString));
        var terminated = 0;

        var report = await new DisruptionScenario(fleet, async () =>
        {
            // The worker's connections carry its id as application_name (WorkerFleet sets it).
            await using var connection = new NpgsqlConnection(schema.ConnectionString);
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'w1'", connection);
            terminated = Convert.ToInt32(await kill.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return $"pg_terminate_backend of w1's {terminated} connections";
        })
        { MustReport = ["w1"] }.RunAsync();

        Assert.True(terminated > 0, $"w1 had no connection to end{Why(fleet)}");
        AssertClean(report, fleet);
    }

    [Fact]
    public async Task Workers_report_retry_and_lose_nothing_when_PostgreSQL_restarts_mid_pass()
    {
        // A cluster of this test's own: the shared one is never restarted.
        await using var cluster = await TestCluster.StartAsync();
        await using var fleet = await WorkerFleet.StartAsync(Shape(await cluster.CreateSchemaAsync()));

        var report = await new DisruptionScenario(fleet, async () =>
        {
            await cluster.RestartAsync();
            return "a PostgreSQL restart (pg_ctl restart -m fast)";
        }).RunAsync();

        AssertClean(report, fleet);
    }

    private static FleetShape Shape(string connectionString) => new(
        NewsIngestExecutable.Path, connectionString, Hosts: 8, Pages: 5, Delay, LeaseTtl, Schedule: TimeSpan.FromSeconds(10));

    private static void AssertClean(DisruptionReport report, WorkerFleet fleet)
    {
        var problems = report.Problems(Delay);
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}{Why(fleet)}");
    }

    private static string Why(WorkerFleet fleet) => $"\n{fleet.Diagnosis()}";
}
