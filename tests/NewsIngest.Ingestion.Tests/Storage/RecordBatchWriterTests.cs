using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

public sealed class RecordBatchWriterTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private SqliteStateStore _state = null!;
    private FillingDisk _disk = null!;

    public async Task InitializeAsync()
    {
        _state = await SqliteStateStore.OpenAsync(_dir.Combine("state.db"), default);
        _disk = new FillingDisk(_dir.Combine("records"));
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Records_queued_within_the_window_are_written_as_one_batch_once_flushed()
    {
        // Given a window that (on the fake clock) never closes by itself
        await using var writer = Writer(maxRecords: 64, window: TimeSpan.FromSeconds(1));
        var durable = await EnqueueAsync(writer, "a", "b", "c", "d", "e");
        Assert.DoesNotContain(durable, d => d.IsCompleted);

        // When the pass is done and flushes
        writer.Flush();
        await Task.WhenAll(durable);

        // Then the five records went in one batch, each written once and committed
        Assert.Equal(1, writer.Batches);
        Assert.Equal(["a", "b", "c", "d", "e"], OutputIds());
        Assert.Equal(5, await CommittedCountAsync("a", "b", "c", "d", "e"));
        Assert.Empty(await _state.GetPendingWritesAsync(default));
    }

    [Fact]
    public async Task A_full_batch_is_written_without_waiting_for_the_window()
    {
        await using var writer = Writer(maxRecords: 3, window: TimeSpan.FromSeconds(1));

        await Task.WhenAll(await EnqueueAsync(writer, "a", "b", "c"));

        Assert.Equal(1, writer.Batches);
        Assert.Equal(["a", "b", "c"], OutputIds());
    }

    [Fact]
    public async Task Before_each_batch_the_hook_runs_before_any_of_its_records_is_pending_or_written_and_a_failing_hook_stops_nothing()
    {
        // Given a hook that sees what the state and the output hold when it runs, and fails the second time
        var seen = new List<(int Pending, int Lines)>();
        await using var writer = new RecordBatchWriter(
            _state, _disk, new OutputOptions { BatchMaxRecords = 2, BatchWindow = TimeSpan.FromSeconds(1) }, _time, NullLogger.Instance)
        {
            BeforeBatch = async ct =>
            {
                seen.Add(((await _state.GetPendingWritesAsync(ct)).Count, OutputIds().Count));
                if (seen.Count == 2)
                {
                    throw new IOException("disk I/O error");
                }
            },
        };

        // When two full batches are written
        await Task.WhenAll(await EnqueueAsync(writer, "a", "b"));
        await Task.WhenAll(await EnqueueAsync(writer, "c", "d"));

        // Then the hook ran before each, with nothing of that batch pending or written, and both batches were written
        Assert.Equal([(0, 0), (0, 2)], seen);
        Assert.Equal(2, writer.Batches);
        Assert.Equal(["a", "b", "c", "d"], OutputIds());
    }

    [Fact]
    public async Task Disposing_the_writer_writes_what_is_still_queued()
    {
        var writer = Writer(maxRecords: 64, window: TimeSpan.FromSeconds(1));
        var durable = await EnqueueAsync(writer, "a", "b");

        await writer.DisposeAsync();

        Assert.All(durable, d => Assert.True(d.IsCompletedSuccessfully));
        Assert.Equal(["a", "b"], OutputIds());
    }

    [Fact]
    public async Task A_full_disk_fails_the_records_that_did_not_fit_keeps_those_that_did_and_the_next_batch_writes_them_once()
    {
        // Given a first batch on disk, then a disk with room for one and a half records of the next batch
        await using var writer = Writer(maxRecords: 64, window: TimeSpan.Zero);
        await Task.WhenAll(await EnqueueAsync(writer, "a"));
        _disk.FreeBytes = (LineBytes("b") * 3) / 2;

        // When a batch of three is written
        var durable = await FlushedAsync(writer, "b", "c", "d");

        // Then "b" is written and committed, "c" and "d" fail with a one-line reason and leave no state behind
        Assert.True(durable[0].IsCompletedSuccessfully);
        var failure = await Assert.ThrowsAsync<RecordWriteException>(() => durable[1]);
        Assert.Contains("No space left on device", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        await Assert.ThrowsAsync<RecordWriteException>(() => durable[2]);
        Assert.Equal(["a", "b"], OutputIds());
        Assert.Single(Directory.GetFiles(_disk.Directory, "*.torn-*"));
        Assert.Equal(2, await CommittedCountAsync("a", "b", "c", "d"));
        Assert.Empty(await _state.GetPendingWritesAsync(default));

        // And once there is room again, the failed records are written, every record exactly once
        _disk.FreeBytes = long.MaxValue;
        await Task.WhenAll(await FlushedAsync(writer, "c", "d"));
        Assert.Equal(["a", "b", "c", "d"], OutputIds());
        Assert.Equal(4, await CommittedCountAsync("a", "b", "c", "d"));
    }

    [Theory]
    [InlineData(0, false, 0)] // killed after the pending writes, before the append
    [InlineData(1, true, 1)] // killed mid-append: one whole line and a torn one
    [InlineData(2, false, 2)] // killed mid-append at a line boundary
    [InlineData(3, false, 3)] // killed after the fsync, before the commit
    public async Task After_a_kill_between_the_steps_of_a_batch_a_restart_commits_the_lines_written_and_rewrites_the_rest_once(
        int wholeLines, bool torn, int expectedCommitted)
    {
        // Given a batch of three whose pending writes are durable and whose lines are partly in the output
        string[] ids = ["a", "b", "c"];
        await _state.BeginWritesAsync(ids.Select(Pending).ToList(), default);
        Directory.CreateDirectory(_disk.Directory);
        var lines = ids.Select(id => StoredRecordJson.SerializeLine(Records.Stored(id))).ToList();
        var bytes = lines.Take(wholeLines).SelectMany(l => l).Concat(torn ? lines[wholeLines].Take(20) : []).ToArray();
        await File.WriteAllBytesAsync(_disk.File, bytes);

        // When the next process starts: torn tail moved aside, pending writes reconciled
        _disk.Recover();
        var (committed, dropped) = await PendingWriteReconciler.ReconcileAsync(_state, _disk.Directory, FillingDisk.Prefix, default);

        // Then the written lines are committed, the others dropped, and writing those again leaves each record once
        Assert.Equal((expectedCommitted, 3 - expectedCommitted), (committed.Count, dropped.Count));
        await using var writer = Writer(maxRecords: 64, window: TimeSpan.Zero);
        await Task.WhenAll(await FlushedAsync(writer, [.. ids.Where(id => !committed.Contains(id))]));
        Assert.Equal(ids, OutputIds());
        Assert.Equal(3, await CommittedCountAsync(ids));
        Assert.Empty(await _state.GetPendingWritesAsync(default));
    }

    private RecordBatchWriter Writer(int maxRecords, TimeSpan window) =>
        new(_state, _disk, new OutputOptions { BatchMaxRecords = maxRecords, BatchWindow = window }, _time, NullLogger.Instance);

    private static PendingWrite Pending(string id)
    {
        var record = Records.Stored(id);
        return new PendingWrite(id, id, 1, record.Article.ContentHash, new UrlState { Url = id, ContentHash = record.Article.ContentHash, Version = 1 });
    }

    private static async Task<List<Task>> EnqueueAsync(RecordBatchWriter writer, params string[] ids)
    {
        var durable = new List<Task>();
        foreach (var id in ids)
        {
            durable.Add(await writer.EnqueueAsync(Pending(id), Records.Stored(id), default));
        }

        return durable;
    }

    /// <summary>Enqueues the records as one batch and waits until each has succeeded or failed.</summary>
    private static async Task<List<Task>> FlushedAsync(RecordBatchWriter writer, params string[] ids)
    {
        var durable = await EnqueueAsync(writer, ids);
        writer.Flush();
        await Task.WhenAll(durable.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default)));
        return durable;
    }

    private static int LineBytes(string id) => StoredRecordJson.SerializeLine(Records.Stored(id)).Length;

    private List<string> OutputIds() =>
        File.Exists(_disk.File)
            ? File.ReadAllLines(_disk.File).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList()
            : [];

    private async Task<int> CommittedCountAsync(params string[] ids)
    {
        var count = 0;
        foreach (var id in ids)
        {
            count += await _state.GetAsync(id, default) is { Version: 1 } ? 1 : 0;
        }

        return count;
    }
}
