using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Storage;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

public sealed class FencedWritesTests : IDisposable
{
    private static readonly HostTurn Now = new(DateTimeOffset.UnixEpoch, 1);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_write_whose_lease_was_lost_before_its_commit_leaves_no_line_and_its_page_goes_back()
    {
        // Given worker a took and fetched p1 of a host (its row done and gone), its record still in the writer's queue
        await using var db = await SharedDatabase.OpenAsync();
        var a = await WorkerAsync(db, "a");
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p1"), Now, default);
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p2"), Now, default);
        var p1 = (await a.Frontier.TakeAsync(_time.GetUtcNow(), default)).Item!;
        await a.Frontier.CompleteAsync(p1, Now, default);
        await a.Frontier.ReleaseAsync(p1, default);

        // When a is paused past its lease, b takes the host over, and a's batch then reaches its commit
        await db.ExpireLeaseAsync("site.test");
        var b = await WorkerAsync(db, "b");
        var p2 = (await b.Frontier.TakeAsync(_time.GetUtcNow(), default)).Item!;
        Assert.Equal("https://site.test/p2", p2.Page.Url.AbsoluteUri);
        await b.Frontier.CompleteAsync(p2, Now, default);
        await b.Frontier.ReleaseAsync(p2, default);
        await using (var writer = a.Writer())
        {
            var durable = await writer.EnqueueAsync(Pending("https://site.test/p1", "r1"), Records.Stored("r1"), default);
            writer.Flush();
            var refused = await Assert.ThrowsAsync<RecordWriteException>(() => durable);
            Assert.True(refused.Refused);
        }

        // Then no line of a's reached its file, nothing of it is pending or committed, and p1 waits for b
        Assert.Empty(Lines(a.Prefix));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pending_writes"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM urls"));
        Assert.Equal("https://site.test/p1", (await b.Frontier.TakeAsync(_time.GetUtcNow(), default)).Item?.Page.Url.AbsoluteUri);
    }

    [Fact]
    public async Task A_write_under_a_held_lease_is_committed_with_its_line_in_the_workers_own_file()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var a = await WorkerAsync(db, "a");
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p1"), Now, default);
        _ = (await a.Frontier.TakeAsync(_time.GetUtcNow(), default)).Item!;

        await using (var writer = a.Writer())
        {
            var durable = await writer.EnqueueAsync(Pending("https://site.test/p1", "r1"), Records.Stored("r1"), default);
            writer.Flush();
            await durable;
        }

        Assert.Equal(["r1"], Lines(a.Prefix).Select(l => RecordLines.TryReadKey(l)!.Id));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT version FROM urls WHERE url = 'https://site.test/p1'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pending_writes"));
    }

    [Fact]
    public async Task A_dead_workers_pending_writes_are_adopted_committed_if_written_and_dropped_if_not()
    {
        // Given worker a recorded two pending writes and appended one line before it was killed
        await using var db = await SharedDatabase.OpenAsync();
        var a = await WorkerAsync(db, "a");
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p1"), Now, default);
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p2"), Now, default);
        _ = await a.Frontier.TakeAsync(_time.GetUtcNow(), default);
        _ = await a.Frontier.TakeAsync(_time.GetUtcNow(), default);
        var fence = a.Fence();
        Assert.Empty(await fence.BeginAsync([Pending("https://site.test/p1", "r1"), Pending("https://site.test/p2", "r2")], default));
        await using (var sink = a.Sink())
        {
            await sink.AppendAsync([StoredRecordJson.SerializeLine(Records.Stored("r1"))], default);
        }

        // When its registration runs out and b adopts it
        await db.ExpireWorkerAsync("a");
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        await registry.RegisterAsync("b", default);
        var dead = await registry.AdoptAsync("b", default);
        Assert.Equal("a", dead?.Id);
        var report = await WorkerRecovery.RecoverAsync(db.DataSource, new PostgresStateStore(db.Database), dead!, _dir.Path, a.Prefix, _time.GetUtcNow(), default);
        await registry.SettledAsync(dead!, default);

        // Then the written one is committed, the other dropped (fetched again), and a, were it only paused, is fenced out
        Assert.Equal((1, 1), (report.Committed, report.Dropped));
        Assert.Equal(["https://site.test/p1"], await db.ColumnAsync("SELECT url FROM urls WHERE version = 1"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pending_writes"));
        Assert.False(await registry.RenewAsync(a.Registration, default));
        Assert.Single(await fence.BeginAsync([Pending("https://site.test/p2", "r2")], default));
        Assert.Null(await registry.AdoptAsync("b", default)); // settled: adopted once
    }

    [Fact]
    public async Task A_dead_workers_line_whose_version_another_worker_committed_is_moved_out_of_its_file()
    {
        // Given a's record of p1 v1 is in its file, uncommitted, and b has since committed p1 v1 itself
        await using var db = await SharedDatabase.OpenAsync();
        var a = await WorkerAsync(db, "a");
        await a.Frontier.AddAsync(SharedDatabase.Item("https://site.test/p1"), Now, default);
        _ = await a.Frontier.TakeAsync(_time.GetUtcNow(), default);
        Assert.Empty(await a.Fence().BeginAsync([Pending("https://site.test/p1", "r1")], default));
        await using (var sink = a.Sink())
        {
            await sink.AppendAsync([StoredRecordJson.SerializeLine(Records.Stored("r1"))], default);
        }

        await new PostgresStateStore(db.Database).SaveAsync(new UrlState { Url = "https://site.test/p1", Version = 1, RecordId = "r1b", ContentHash = "other" }, default);

        // When a is adopted
        await db.ExpireWorkerAsync("a");
        var registry = new WorkerRegistry(db.DataSource, Ttl);
        var dead = await registry.AdoptAsync("b", default);
        var report = await WorkerRecovery.RecoverAsync(db.DataSource, new PostgresStateStore(db.Database), dead!, _dir.Path, a.Prefix, _time.GetUtcNow(), default);

        // Then its duplicate line is out of the record file (kept beside it), b's version stands, nothing is pending
        Assert.Equal((0, 0), (report.Committed, report.Dropped));
        Assert.Empty(Lines(a.Prefix));
        Assert.Single(Directory.GetFiles(_dir.Path, "*.dup-*"));
        Assert.Equal("r1b", await db.ScalarAsync<string>("SELECT record_id FROM urls WHERE url = 'https://site.test/p1'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pending_writes"));
    }

    private static PendingWrite Pending(string url, string id)
    {
        var record = Records.Stored(id);
        return new PendingWrite(url, id, 1, record.Article.ContentHash, new UrlState { Url = url, ContentHash = record.Article.ContentHash, Version = 1, RecordId = id, Source = "news" });
    }

    private List<string> Lines(string prefix) => [.. RecordFiles.List(_dir.Path, prefix).SelectMany(File.ReadAllLines)];

    private async Task<Worker> WorkerAsync(SharedDatabase db, string id)
    {
        var registration = await new WorkerRegistry(db.DataSource, Ttl).RegisterAsync(id, default);
        var options = SharedDatabase.Options();
        var book = new LeaseBook();
        var frontier = new PostgresFrontierStore(db.DataSource, new HostLeases(db.DataSource, id, Ttl), book, options, _time, continuous: false);
        return new Worker(db, registration, book, frontier, _dir.Path, _time);
    }

    private sealed record Worker(SharedDatabase Db, WorkerRegistration Registration, LeaseBook Book, PostgresFrontierStore Frontier, string Directory, TimeProvider Time)
    {
        public string Prefix => WorkerRecovery.PrefixOf("news", Registration.Id);

        public JsonLinesSink Sink() => new(Directory, Prefix, 1 << 20, Time);

        public FencedWrites Fence(JsonLinesSink? sink = null) => new(Db.DataSource, Registration, Book, Ttl) { Frontier = Frontier, Sink = sink };

        public RecordBatchWriter Writer()
        {
            var sink = Sink();
            return new RecordBatchWriter(
                new PostgresStateStore(Db.Database), sink, new OutputOptions { BatchMaxRecords = 16, BatchWindow = TimeSpan.Zero }, Time, NullLogger.Instance)
            {
                Fence = Fence(sink),
            };
        }
    }
}
