using NewsIngest.Ingestion.Faults;
using NewsIngest.Tests.Shared.Workers;

namespace NewsIngest.Cli.Tests.Workers;

/// <summary>
/// A <c>run</c> worker that dies between claiming its sources' due passes and reading them (killed at
/// <see cref="CrashPoint.PassClaimed"/>, an exact step, not a timed kill) leaves those passes to the others: a worker
/// started after it runs them once the dead one's registration has run out, not at the schedule's next occurrence
/// an hour later.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class PassTakeoverTests
{
    [Fact]
    public async Task A_pass_claimed_by_a_worker_that_died_before_reading_its_source_is_run_by_another_worker()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using var fleet = await WorkerFleet.StartAsync(new FleetShape(
            NewsIngestExecutable.Path, schema.ConnectionString, Hosts: 3, Pages: 2, TimeSpan.FromMilliseconds(200),
            LeaseTtl: TimeSpan.FromSeconds(3), Schedule: TimeSpan.FromHours(1)));
        var urls = fleet.Farm.ArticleUrls.ToArray();

        // Given w1 claimed the due passes and died before reading a single source
        var dead = fleet.Start("w1", environment: new Dictionary<string, string> { [CrashPoint.Variable] = $"{CrashPoint.PassClaimed}:1" });
        Assert.True(await dead.WaitForExitAsync(TimeSpan.FromSeconds(60)), dead.Tail());
        Assert.DoesNotContain(fleet.Farm.Requests, r => r.Path == "/feed.xml");

        // When w2 starts: its own schedules find the occurrence claimed
        var survivor = fleet.Start("w2");

        // Then w2 runs the passes w1 had claimed (it reads every feed and writes every page once), well within the hour
        await Eventually.TrueAsync(() => fleet.Audit(whileRunning: true).Missing(urls).Count == 0 || survivor.HasExited, TimeSpan.FromSeconds(90),
            "the pages of the passes w1 claimed were not written", () => fleet.Diagnosis());
        Assert.False(survivor.HasExited, survivor.Tail());
        Assert.Contains(survivor.Log, line => line.Contains("which stopped before reading the source, is run here", StringComparison.Ordinal));
        Assert.Empty(await fleet.StopAllAsync(TimeSpan.FromSeconds(30)));
        var audit = fleet.Audit();
        Assert.Empty(audit.Duplicates());
        Assert.Empty(audit.Torn);
        Assert.Empty(fleet.Farm.TooClose(TimeSpan.FromMilliseconds(200)));
    }
}
