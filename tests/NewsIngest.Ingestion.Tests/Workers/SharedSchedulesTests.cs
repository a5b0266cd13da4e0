using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class SharedSchedulesTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(7);
    private static readonly DateTimeOffset Due = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_pass_whose_claimer_died_before_reading_its_source_is_taken_over_by_one_other_worker()
    {
        // Given a claimed the 9:00 pass of "news" and died before reading the source
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await registry.RegisterAsync(id, default);
        }

        Assert.True((await new SharedSchedules(db.DataSource, "a").TryClaimAsync("news", Due, Window, default)).Claimed);
        Assert.Empty(await new SharedSchedules(db.DataSource, "b").TakeOverUnreadAsync(["news"], default)); // a lives yet
        await db.ExpireWorkerAsync("a");

        // When b and c look for passes to take over at once
        var found = await Task.WhenAll(
            new SharedSchedules(db.DataSource, "b").TakeOverUnreadAsync(["news", "other"], default),
            new SharedSchedules(db.DataSource, "c").TakeOverUnreadAsync(["news"], default));

        // Then exactly one of them runs it, told whose it was; the occurrence stays claimed (the others' schedules skip it)
        var taken = Assert.Single(found.SelectMany(f => f));
        Assert.Equal(("news", "a", Due), taken);
        Assert.False((await new SharedSchedules(db.DataSource, "a").TryClaimAsync("news", Due.AddSeconds(5), Window, default)).Claimed);
    }

    [Fact]
    public async Task A_pass_whose_source_was_read_is_not_run_again_when_its_claimer_goes()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        var a = await registry.RegisterAsync("a", default);
        await registry.RegisterAsync("b", default);
        var schedules = new SharedSchedules(db.DataSource, "a");
        var due = Due.AddTicks(1234567); // a clock's instant, finer than the microseconds the database keeps: it still matches
        Assert.True((await schedules.TryClaimAsync("news", due, Window, default)).Claimed);

        // a read the source (its pages are in the shared frontier), then stopped cleanly
        await schedules.ReadAsync("news", due, default);
        await registry.RetireAsync(a, default);

        Assert.Empty(await new SharedSchedules(db.DataSource, "b").TakeOverUnreadAsync(["news"], default));
    }

    [Fact]
    public async Task Reading_one_occurrence_leaves_a_later_one_claimed_meanwhile_unread()
    {
        // b runs the 9:00 pass it took over from a while its own schedule claims 9:15; the 9:00 read marks only 9:00
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        await registry.RegisterAsync("b", default);
        var schedules = new SharedSchedules(db.DataSource, "b");
        Assert.True((await schedules.TryClaimAsync("news", Due.AddMinutes(15), Window, default)).Claimed);

        await schedules.ReadAsync("news", Due, default);

        Assert.Null(await db.ScalarAsync<DateTime?>("SELECT read_at FROM source_passes WHERE source = 'news'"));
        await schedules.ReadAsync("news", Due.AddMinutes(15), default);
        Assert.NotNull(await db.ScalarAsync<DateTime?>("SELECT read_at FROM source_passes WHERE source = 'news'"));
    }

    [Fact]
    public async Task A_worker_started_again_under_its_id_takes_over_the_pass_its_last_process_left_unread()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        await registry.RegisterAsync("a", default);
        var schedules = new SharedSchedules(db.DataSource, "a");
        Assert.True((await schedules.TryClaimAsync("news", Due, Window, default)).Claimed);
        Assert.Empty(await schedules.TakeOverUnreadAsync(["news"], default)); // its own, in this process

        // a was killed and its supervisor started it again at once, under the same id
        await db.ExecuteAsync("UPDATE source_passes SET claimed_at = now() - interval '1 minute'");
        await registry.RegisterAsync("a", default);

        Assert.Equal(("news", "a", Due), Assert.Single(await schedules.TakeOverUnreadAsync(["news"], default)));
    }

    [Fact]
    public async Task A_new_occurrence_claimed_after_a_read_one_is_unread_again()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        await registry.RegisterAsync("a", default);
        await registry.RegisterAsync("b", default);
        var schedules = new SharedSchedules(db.DataSource, "a");
        await schedules.TryClaimAsync("news", Due, Window, default);
        await schedules.ReadAsync("news", Due, default);

        // The 9:15 occurrence is claimed by a, which then dies mid-read
        Assert.True((await schedules.TryClaimAsync("news", Due.AddMinutes(15), Window, default)).Claimed);
        await db.ExpireWorkerAsync("a");

        Assert.Equal(("news", "a", Due.AddMinutes(15)), Assert.Single(await new SharedSchedules(db.DataSource, "b").TakeOverUnreadAsync(["news"], default)));
    }
}
