using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

public sealed class PendingWriteReconcilerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_pending_write_whose_record_reached_the_output_is_committed()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var record = Records.Stored("id-a", "text a", version: 1);
        var committed = new UrlState { Url = "a", ContentHash = record.Article.ContentHash, Version = 1 };
        await state.BeginWriteAsync(new PendingWrite("a", "id-a", 1, record.Article.ContentHash, committed), default);
        await using (var sink = new JsonLinesSink(_dir.Combine("out"), "records", 1 << 20, _time))
        {
            await sink.WriteAsync(record, default);
        }

        // The crash came here, before the commit.
        var (done, dropped) = await PendingWriteReconciler.ReconcileAsync(state, _dir.Combine("out"), "records", default);

        Assert.Equal((1, 0), (done.Count, dropped.Count));
        Assert.Equal(committed, await state.GetAsync("a", default));
    }

    [Fact]
    public async Task A_pending_write_whose_record_never_reached_the_output_is_dropped_so_it_is_written_again()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        await state.BeginWriteAsync(new PendingWrite("a", "id-a", 1, "h", new UrlState { Url = "a", Version = 1 }), default);
        await using (var sink = new JsonLinesSink(_dir.Combine("out"), "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("id-other"), default);
        }

        var (done, dropped) = await PendingWriteReconciler.ReconcileAsync(state, _dir.Combine("out"), "records", default);

        Assert.Equal((0, 1), (done.Count, dropped.Count));
        Assert.Null(await state.GetAsync("a", default));
        Assert.Empty(await state.GetPendingWritesAsync(default));
    }

    [Fact]
    public async Task A_line_that_names_the_pending_id_but_is_not_a_record_is_passed_over_not_fatal()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var record = Records.Stored("id-a", "text a", version: 1);
        var committed = new UrlState { Url = "a", ContentHash = record.Article.ContentHash, Version = 1 };
        await state.BeginWriteAsync(new PendingWrite("a", "id-a", 1, record.Article.ContentHash, committed), default);
        await using (var sink = new JsonLinesSink(_dir.Combine("out"), "records", 1 << 20, _time))
        {
            await sink.WriteAsync(record, default);
        }

        // A hand-edited line in the same file: it mentions the id, but its version is not a number.
        var file = Directory.GetFiles(_dir.Combine("out"), "*.jsonl").Single();
        await File.AppendAllTextAsync(file, "{\"id\":\"id-a\",\"version\":\"one\",\"contentHash\":\"x\"}\n");

        var (done, dropped) = await PendingWriteReconciler.ReconcileAsync(state, _dir.Combine("out"), "records", default);

        Assert.Equal((1, 0), (done.Count, dropped.Count));
    }
}
