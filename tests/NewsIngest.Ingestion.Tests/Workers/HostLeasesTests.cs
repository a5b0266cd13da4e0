using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class HostLeasesTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_workers_claiming_at_once_never_hold_the_same_host()
    {
        // Given 40 hosts, each with a page waiting
        await using var db = await SharedDatabase.OpenAsync();
        var hosts = Enumerable.Range(0, 40).Select(i => $"h{i}.test").ToList();
        foreach (var host in hosts)
        {
            await AddPageAsync(db, host);
        }

        var a = new HostLeases(db.DataSource, "a", Ttl);
        var b = new HostLeases(db.DataSource, "b", Ttl);

        // When both claim in small batches at the same time until nothing is left
        var heldByA = new List<string>();
        var heldByB = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var claims = await Task.WhenAll(a.ClaimAsync(3, default), b.ClaimAsync(3, default));
            heldByA.AddRange(claims[0].Select(l => l.Host));
            heldByB.AddRange(claims[1].Select(l => l.Host));
        }

        // Then every host went to exactly one of them, and the table agrees
        Assert.Empty(heldByA.Intersect(heldByB));
        Assert.Equal(hosts.Order(StringComparer.Ordinal), heldByA.Concat(heldByB).Order(StringComparer.Ordinal));
        Assert.Equal(heldByA.Order(StringComparer.Ordinal), await db.ColumnAsync("SELECT host FROM host_leases WHERE worker_id = 'a' ORDER BY host COLLATE \"C\""));
    }

    [Fact]
    public async Task A_worker_claims_no_more_than_its_fair_share_of_the_hosts_among_the_live_workers()
    {
        // Given six hosts with pages and two live workers
        await using var db = await SharedDatabase.OpenAsync();
        for (var i = 0; i < 6; i++)
        {
            await AddPageAsync(db, $"h{i}.test");
        }

        var registry = new WorkerRegistry(db.DataSource, Ttl);
        await registry.RegisterAsync("a", default);
        await registry.RegisterAsync("b", default);

        // When a, first, asks for a batch of 16, and then again
        var first = await new HostLeases(db.DataSource, "a", Ttl).ClaimAsync(16, default);
        var again = await new HostLeases(db.DataSource, "a", Ttl).ClaimAsync(16, default);

        // Then it got its three, no more; b gets the other three
        Assert.Equal(3, first.Count);
        Assert.Empty(again);
        Assert.Equal(3, (await new HostLeases(db.DataSource, "b", Ttl).ClaimAsync(16, default)).Count);
    }

    [Fact]
    public async Task A_host_left_unheld_is_claimed_while_the_live_workers_still_hold_hosts_whose_pages_are_done()
    {
        // Given two live workers holding three hosts between them whose last pages are done (not let go yet)
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        var a = new HostLeases(db.DataSource, await registry.RegisterAsync("a", default), Ttl);
        var b = new HostLeases(db.DataSource, await registry.RegisterAsync("b", default), Ttl);
        foreach (var host in new[] { "a1.test", "a2.test", "b1.test" })
        {
            await AddPageAsync(db, host);
        }

        Assert.Equal(["a1.test", "a2.test"], (await a.ClaimAsync(2, default)).Select(l => l.Host));
        Assert.Equal("b1.test", Assert.Single(await b.ClaimAsync(1, default)).Host);
        await db.ExecuteAsync("DELETE FROM frontier_items");

        // When a host is left with a page and nobody holding it (its holder died, say)
        await AddPageAsync(db, "left.test");

        // Then the next claim of either worker takes it: held hosts count in the share, so it never falls below what they hold
        Assert.Equal("left.test", Assert.Single(await b.ClaimAsync(16, default)).Host);
    }

    [Fact]
    public async Task A_worker_whose_registration_was_taken_over_claims_no_host()
    {
        // Given a was stopped past its registration and b adopted it
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        var a = new HostLeases(db.DataSource, await registry.RegisterAsync("a", default), Ttl);
        await registry.RegisterAsync("b", default);
        await db.ExpireWorkerAsync("a");
        Assert.NotNull(await registry.AdoptAsync("b", default));

        // When a comes back and claims before it has noticed
        await AddPageAsync(db, "orphan.test");

        // Then it gets nothing: a host it took now would sit unworked until its lease ran out
        Assert.Empty(await a.ClaimAsync(16, default));
        Assert.Single(await new HostLeases(db.DataSource, "b", Ttl).ClaimAsync(16, default));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_under_a_new_epoch_and_the_old_holders_renewal_and_slot_are_refused()
    {
        await using var db = await SharedDatabase.OpenAsync();
        await AddPageAsync(db, "site.test");
        var a = new HostLeases(db.DataSource, "a", Ttl);
        var b = new HostLeases(db.DataSource, "b", Ttl);
        var first = Assert.Single(await a.ClaimAsync(10, default));

        // While a's lease runs, b gets nothing; once it has run out (a stopped renewing), b takes the host over
        Assert.Empty(await b.ClaimAsync(10, default));
        await db.ExpireLeaseAsync("site.test");
        var second = Assert.Single(await b.ClaimAsync(10, default));

        Assert.Equal(first.Epoch + 1, second.Epoch);
        Assert.Equal(["site.test"], await a.RenewAsync([("site.test", first.Epoch)], default));
        Assert.Null(await a.ReserveSlotAsync("site.test", TimeSpan.FromSeconds(1), first.Epoch, default));
        Assert.Empty(await b.RenewAsync([("site.test", second.Epoch)], default));
        Assert.NotNull(await b.ReserveSlotAsync("site.test", TimeSpan.FromSeconds(1), second.Epoch, default));
    }

    [Fact]
    public async Task A_host_taken_over_still_waits_out_the_delay_its_last_holder_reserved()
    {
        // Given a's request to the host reserved the next slot an hour on (the host's delay)
        await using var db = await SharedDatabase.OpenAsync();
        await AddPageAsync(db, "slow.test");
        var a = new HostLeases(db.DataSource, "a", Ttl);
        var b = new HostLeases(db.DataSource, "b", Ttl);
        var lease = Assert.Single(await a.ClaimAsync(1, default));
        Assert.Equal(TimeSpan.Zero, (await a.ReserveSlotAsync("slow.test", TimeSpan.FromHours(1), lease.Epoch, default))!.Value.Wait);

        // When b takes the host over
        await db.ExpireLeaseAsync("slow.test");
        var takeover = Assert.Single(await b.ClaimAsync(1, default));

        // Then b's first slot is that hour away, and reserving gives the same wait (the database clock, not b's)
        Assert.InRange(takeover.SlotIn, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.InRange((await b.ReserveSlotAsync("slow.test", TimeSpan.FromHours(1), takeover.Epoch, default))!.Value.Wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_request_outside_any_lease_takes_the_hosts_slot_too()
    {
        // A feed read by one worker and a page of another on the same host are spaced like two pages
        await using var db = await SharedDatabase.OpenAsync();
        var a = new HostLeases(db.DataSource, "a", Ttl);

        Assert.Equal(TimeSpan.Zero, (await a.ReserveSlotAsync("feeds.test", TimeSpan.FromHours(1), epoch: null, default))!.Value.Wait);
        Assert.InRange((await a.ReserveSlotAsync("feeds.test", TimeSpan.FromHours(1), epoch: null, default))!.Value.Wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task No_worker_reserves_a_host_while_a_request_to_it_is_in_flight_and_the_next_slot_runs_from_its_end()
    {
        // Given a's request to the host holds its slot (a feed read, say)
        await using var db = await SharedDatabase.OpenAsync();
        var a = new HostLeases(db.DataSource, "a", Ttl);
        var b = new HostLeases(db.DataSource, "b", Ttl);
        var first = (await a.ReserveSlotAsync("busy.test", TimeSpan.FromHours(1), epoch: null, default))!.Value;
        Assert.True(first.Reserved);

        // Then b gets no slot while it is in flight, only a time to ask again
        var meanwhile = (await b.ReserveSlotAsync("busy.test", TimeSpan.FromHours(1), epoch: null, default))!.Value;
        Assert.False(meanwhile.Reserved);
        Assert.InRange(meanwhile.Wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        // And once it has ended, b's slot is the delay after that end, not after its start
        await db.ExecuteAsync("UPDATE host_leases SET next_slot_at = clock_timestamp() WHERE host = 'busy.test'");
        await a.EndSlotAsync("busy.test", TimeSpan.FromHours(1), first.Token, default);
        var next = (await b.ReserveSlotAsync("busy.test", TimeSpan.FromHours(1), epoch: null, default))!.Value;
        Assert.True(next.Reserved);
        Assert.InRange(next.Wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task An_old_slot_ending_late_does_not_free_the_host_from_the_request_holding_it_now()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var a = new HostLeases(db.DataSource, "a", Ttl);
        var b = new HostLeases(db.DataSource, "b", Ttl);
        var stale = (await a.ReserveSlotAsync("late.test", TimeSpan.FromMilliseconds(1), epoch: null, default))!.Value;

        // a's request outlived its busy time; b's request holds the host now
        await db.ExecuteAsync("UPDATE host_leases SET busy_until = clock_timestamp() - interval '1 second', next_slot_at = clock_timestamp() WHERE host = 'late.test'");
        var current = (await b.ReserveSlotAsync("late.test", TimeSpan.FromMilliseconds(1), epoch: null, default))!.Value;
        Assert.True(current.Reserved);
        await a.EndSlotAsync("late.test", TimeSpan.FromMilliseconds(1), stale.Token, default);

        Assert.False((await a.ReserveSlotAsync("late.test", TimeSpan.FromMilliseconds(1), epoch: null, default))!.Value.Reserved);
    }

    [Fact]
    public async Task A_slot_whose_busy_time_ran_out_while_its_worker_waited_is_not_confirmed()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var a = new HostLeases(db.DataSource, "a", Ttl);
        var slot = (await a.ReserveSlotAsync("paused.test", TimeSpan.FromMilliseconds(1), epoch: null, default))!.Value;
        Assert.True(await a.ConfirmSlotAsync("paused.test", slot.Token, default));

        // a was paused past its slot's busy time
        await db.ExecuteAsync("UPDATE host_leases SET busy_until = clock_timestamp() - interval '1 second' WHERE host = 'paused.test'");

        Assert.False(await a.ConfirmSlotAsync("paused.test", slot.Token, default));
    }

    private static async Task AddPageAsync(SharedDatabase db, string host)
    {
        await db.ExecuteAsync(
            "INSERT INTO frontier_items (key, host, source, page, added_by) VALUES ($1, $2, 'news', $3, 'test')",
            $"https://{host}/1", host, $$"""{"Url":"https://{{host}}/1"}""");
        await db.ExecuteAsync("INSERT INTO host_leases (host) VALUES ($1)", host);
    }
}
