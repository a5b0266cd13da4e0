using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class SharedFrontierStoreTests
{
    private static readonly HostTurn Now = new(DateTimeOffset.UnixEpoch, 1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_page_added_by_one_worker_is_taken_once_by_the_worker_that_claims_its_host()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var (a, _) = Store(db, "a");
        var (b, _) = Store(db, "b");
        Assert.True(await a.AddAsync(SharedDatabase.Item("https://one.test/p1"), Now, default));
        Assert.False(await b.AddAsync(SharedDatabase.Item("https://one.test/p1"), Now, default)); // the same page, found twice

        var takeB = await b.TakeAsync(_time.GetUtcNow(), default);
        var takeA = await a.TakeAsync(_time.GetUtcNow(), default);

        Assert.Equal("https://one.test/p1", takeB.Item?.Page.Url.AbsoluteUri);
        Assert.Null(takeA.Item);
        Assert.NotNull(takeA.NextTurnAt); // something is in flight elsewhere: look again later
    }

    [Fact]
    public async Task A_host_is_let_go_after_its_pages_per_lease_so_another_worker_gets_it()
    {
        // Given five pages of one host and leases of two pages each
        await using var db = await SharedDatabase.OpenAsync();
        var (a, bookA) = Store(db, "a", maxPagesPerLease: 2);
        var (b, _) = Store(db, "b", maxPagesPerLease: 2);
        for (var i = 1; i <= 5; i++)
        {
            await a.AddAsync(SharedDatabase.Item($"https://fair.test/p{i}"), Now, default);
        }

        // When a takes and finishes two pages
        for (var i = 0; i < 2; i++)
        {
            var item = (await a.TakeAsync(_time.GetUtcNow(), default)).Item!;
            await a.CompleteAsync(item, Now, default);
            await a.ReleaseAsync(item, default);
        }

        // Then a no longer holds the host, and b claims it under the next epoch with three pages left
        Assert.Equal(0, bookA.Count);
        Assert.Null(await db.ScalarAsync<string>("SELECT worker_id FROM host_leases WHERE host = 'fair.test'"));
        var next = await b.TakeAsync(_time.GetUtcNow(), default);
        Assert.Equal("https://fair.test/p3", next.Item?.Page.Url.AbsoluteUri);
        Assert.Equal("b", await db.ScalarAsync<string>("SELECT worker_id FROM host_leases WHERE host = 'fair.test'"));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM frontier_items"));
    }

    [Fact]
    public async Task A_page_in_flight_at_a_worker_whose_lease_ran_out_is_taken_again_by_the_new_holder()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var (a, bookA) = Store(db, "a");
        var (b, _) = Store(db, "b");
        await a.AddAsync(SharedDatabase.Item("https://stuck.test/p1"), Now, default);
        var taken = (await a.TakeAsync(_time.GetUtcNow(), default)).Item!;

        // a stops renewing (killed, paused); its lease runs out and b claims the host
        await db.ExpireLeaseAsync("stuck.test");
        var again = await b.TakeAsync(_time.GetUtcNow(), default);
        Assert.Equal(taken.Key, again.Item?.Key);

        // a, back, finds its lease gone at renewal; its release leaves b's row alone
        var leases = new HostLeases(db.DataSource, "a", TimeSpan.FromSeconds(30));
        bookA.MarkLost(await leases.RenewAsync(bookA.Snapshot(), default));
        await a.ReleaseAsync(taken, default);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM frontier_items WHERE taken_by = 'b'"));
    }

    [Fact]
    public async Task A_claim_goes_on_batch_after_batch_while_they_come_back_full()
    {
        // Given five hosts with a page each and claims of two hosts at a time
        await using var db = await SharedDatabase.OpenAsync();
        var (a, book) = Store(db, "a", claimBatch: 2);
        for (var i = 1; i <= 5; i++)
        {
            await a.AddAsync(SharedDatabase.Item($"https://h{i}.test/p"), Now, default);
        }

        // When the worker takes a page
        Assert.Equal("h1.test", (await a.TakeAsync(_time.GetUtcNow(), default)).Item?.Host);

        // Then it holds all five hosts: a full batch says more may be waiting, so it claimed again at once (2, 2, 1)
        Assert.Equal(5, book.Count);
    }

    [Fact]
    public async Task A_worker_waiting_for_its_hosts_turns_wakes_for_its_next_claim()
    {
        // Given a worker holding one host whose next turn is 1.5 s away, its last claim 0.7 s ago
        await using var db = await SharedDatabase.OpenAsync();
        var (a, _) = Store(db, "a");
        await a.AddAsync(SharedDatabase.Item("https://slow.test/p1"), Now, default);
        await a.AddAsync(SharedDatabase.Item("https://slow.test/p2"), Now, default);
        var start = _time.GetUtcNow();
        var first = (await a.TakeAsync(start, default)).Item!;
        await a.CompleteAsync(first, new HostTurn(start + TimeSpan.FromSeconds(1.5), 1), default);
        await a.ReleaseAsync(first, default);
        _time.Advance(TimeSpan.FromSeconds(0.7));

        // When it looks for work now
        var take = await a.TakeAsync(_time.GetUtcNow(), default);

        // Then it is told to come back at its next claim (a poll interval after the last), not at the host's turn:
        // hosts another worker's discovery adds meanwhile are claimed then
        Assert.Null(take.Item);
        Assert.Equal(start + TimeSpan.FromSeconds(1), take.NextTurnAt);
    }

    [Fact]
    public async Task An_empty_shared_frontier_ends_a_one_shot_dispatch_and_is_looked_at_again_in_run()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var (once, _) = Store(db, "a");
        var (run, _) = Store(db, "b");
        run.Continuous = true;

        Assert.Equal(new FrontierTake(null, null), await once.TakeAsync(_time.GetUtcNow(), default));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(1), (await run.TakeAsync(_time.GetUtcNow(), default)).NextTurnAt);
    }

    private (PostgresFrontierStore Store, LeaseBook Book) Store(SharedDatabase db, string worker, int maxPagesPerLease = 50, int claimBatch = 16)
    {
        var book = new LeaseBook();
        var options = SharedDatabase.Options(maxPagesPerLease, claimBatch);
        return (new PostgresFrontierStore(db.DataSource, new HostLeases(db.DataSource, worker, options.LeaseTtl), book, options, _time, continuous: false), book);
    }
}
