using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Health;

namespace NewsIngest.Ingestion.Tests.Health;

public sealed class WorkerHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_worker_is_live_while_it_beats_and_not_after_thirty_silent_seconds()
    {
        var health = new WorkerHealth(_time);
        Assert.True(health.IsLive);

        _time.Advance(TimeSpan.FromSeconds(25));
        health.Beat();
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.True(health.IsLive);

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(health.IsLive);
        Assert.Equal(TimeSpan.FromSeconds(31), health.SinceLastBeat);
    }

    [Fact]
    public void Starting_then_running_then_draining_then_ended_and_never_back()
    {
        var health = new WorkerHealth(_time);
        Assert.Equal((false, false, false), (health.IsRunning, health.IsDraining, health.IsEnded));

        health.MarkRunning();
        Assert.Equal((true, false), (health.IsRunning, health.IsDraining));

        health.MarkDraining();
        health.MarkRunning(); // a late "running" does not undo the drain
        Assert.Equal((false, true), (health.IsRunning, health.IsDraining));

        health.MarkEnded();
        health.MarkDraining();
        Assert.Equal((false, false, true, false), (health.IsRunning, health.IsDraining, health.IsEnded, health.IsLive));
    }

    [Fact]
    public async Task The_state_probe_reads_a_database_and_names_the_file_it_cannot_open()
    {
        using var dir = new Storage.TempDirectory();
        var path = dir.Combine("state.db");
        await using (var state = await NewsIngest.Ingestion.State.SqliteStateStore.OpenAsync(path, default))
        {
            Assert.Null(await StateProbe.CheckAsync(path, default));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var garbage = dir.Combine("garbage.db");
        await File.WriteAllTextAsync(garbage, new string('x', 4096));

        Assert.Contains("cannot be read", await StateProbe.CheckAsync(dir.Combine("missing.db"), default), StringComparison.Ordinal);
        Assert.Contains(garbage, await StateProbe.CheckAsync(garbage, default), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("missing.db")), "a probe must never create the state file");
    }

    [Fact]
    public async Task The_state_probe_reads_the_postgres_state_and_names_the_database_it_cannot_reach()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var options = new NewsIngest.Ingestion.Configuration.StateOptions
        {
            Provider = NewsIngest.Ingestion.Configuration.StateProvider.Postgres,
            ConnectionString = schema.ConnectionString,
        };
        var before = await StateProbe.CheckAsync(options, default);
        await using (await NewsIngest.Ingestion.State.StateBackend.OpenAsync(options, default))
        {
            Assert.Null(await StateProbe.CheckAsync(options, default));
        }

        var unreachable = new NewsIngest.Ingestion.Configuration.StateOptions
        {
            Provider = NewsIngest.Ingestion.Configuration.StateProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=nowhere;Username=u;Timeout=2",
        };

        Assert.Contains("has no newsingest schema", before, StringComparison.Ordinal);
        Assert.Contains("postgres://127.0.0.1:1/nowhere cannot be read", await StateProbe.CheckAsync(unreachable, default), StringComparison.Ordinal);
    }
}
