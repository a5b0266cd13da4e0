using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class WorkerStatusTests
{
    [Fact]
    public async Task Status_reads_each_workers_state_and_the_hosts_it_holds()
    {
        // Given a running worker holding a host, one that stopped renewing, one adopted and one retired
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, TimeSpan.FromSeconds(30));
        await registry.RegisterAsync("a", default);
        await registry.RegisterAsync("b", default);
        await registry.RegisterAsync("c", default);
        var retired = await registry.RegisterAsync("d", default);
        await registry.RetireAsync(retired, default);
        await db.ExecuteAsync("INSERT INTO frontier_items (key, host, source, page, added_by) VALUES ('k', 'one.test', 'news', '{}', 'a')");
        await db.ExecuteAsync("INSERT INTO host_leases (host) VALUES ('one.test')");
        Assert.Single(await new HostLeases(db.DataSource, "a", TimeSpan.FromSeconds(30)).ClaimAsync(5, default));
        await db.ExpireWorkerAsync("b");
        await db.ExpireWorkerAsync("c");
        Assert.Equal("b", (await registry.AdoptAsync("a", default))?.Id);

        // When status reads the workers
        await using var reader = await PostgresStateReader.OpenAsync(db.ConnectionString, default);
        var workers = await reader!.WorkersAsync(default);

        // Then each says what it is, and a's lease is listed
        Assert.Equal(
            [("a", "running", 1), ("b", "adopted by a", 0), ("c", "presumed dead", 0), ("d", "stopped", 0)],
            workers.Select(w => (w.Id, w.State, w.Leases)));
        Assert.Equal(["one.test"], workers[0].Hosts);
    }
}
