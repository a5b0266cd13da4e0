using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

public sealed class JsonLinesSinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Writes_one_flat_record_per_line_with_the_storage_fields_next_to_the_extraction_fields()
    {
        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("a") with { Hints = new Dictionary<string, string> { ["title"] = "Feed title" } }, default);
            await sink.WriteAsync(Records.Stored("b", version: 2), default);
        }

        var lines = File.ReadAllLines(Path.Combine(_dir.Path, "records-2026-11-28-000.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("a", root.GetProperty("id").GetString());
        Assert.Equal("Headline a", root.GetProperty("headline").GetString());
        Assert.Equal("test", root.GetProperty("source").GetString());
        Assert.Equal(200, root.GetProperty("httpStatus").GetInt32());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), root.GetProperty("fetchedAt").GetDateTimeOffset());
        Assert.Equal("Feed title", root.GetProperty("hints").GetProperty("title").GetString());
        Assert.False(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("hints", out _));
    }

    [Fact]
    public async Task A_record_is_on_disk_and_readable_by_others_as_soon_as_WriteAsync_returns()
    {
        await using var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time);
        await sink.WriteAsync(Records.Stored("a"), default);

        // Read while the sink still holds the file open: nothing may be waiting in a buffer.
        using var reader = new StreamReader(new FileStream(sink.CurrentFile!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var text = await reader.ReadToEndAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"a\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_a_new_file_when_the_next_record_would_pass_the_size_cap()
    {
        var lineBytes = Encoding.UTF8.GetByteCount(StoredRecordJson.Serialize(Records.Stored("a"))) + 1;
        await using (var sink = new JsonLinesSink(_dir.Path, "records", (lineBytes * 2) + 10, _time))
        {
            foreach (var id in new[] { "a", "b", "c", "d", "e" })
            {
                await sink.WriteAsync(Records.Stored(id), default);
            }
        }

        var files = RecordFiles.List(_dir.Path, "records").Select(f => Path.GetFileName(f)).ToList();
        Assert.Equal<string>(["records-2026-11-28-000.jsonl", "records-2026-11-28-001.jsonl", "records-2026-11-28-002.jsonl"], files);
        Assert.Equal([2, 2, 1], RecordFiles.List(_dir.Path, "records").Select(f => File.ReadAllLines(f).Length).ToArray());
    }

    [Fact]
    public async Task Starts_a_new_file_when_the_UTC_day_changes()
    {
        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("late"), default);
            _time.Advance(TimeSpan.FromHours(2));
            await sink.WriteAsync(Records.Stored("early"), default);
        }

        Assert.Contains("\"id\":\"late\"", File.ReadAllText(Path.Combine(_dir.Path, "records-2026-11-28-000.jsonl")), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"early\"", File.ReadAllText(Path.Combine(_dir.Path, "records-2026-11-29-000.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_process_continues_todays_newest_file()
    {
        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("a"), default);
        }

        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("b"), default);
        }

        var file = Assert.Single(RecordFiles.List(_dir.Path, "records"));
        Assert.Equal(2, File.ReadAllLines(file).Length);
    }

    [Fact]
    public async Task A_torn_last_line_is_moved_aside_before_the_next_append_and_nothing_is_lost()
    {
        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(Records.Stored("a"), default);
        }

        // Given a crash in the middle of the second append
        var file = Path.Combine(_dir.Path, "records-2026-11-28-000.jsonl");
        var torn = "{\"schemaVersion\":1,\"id\":\"b\",\"url\":nu";
        await File.AppendAllTextAsync(file, torn);

        // When the next run writes
        await using (var sink = new JsonLinesSink(_dir.Path, "records", 1 << 20, _time))
        {
            var moved = Assert.Single(sink.Recover());
            Assert.Equal(torn.Length, moved.Bytes);
            await sink.WriteAsync(Records.Stored("c"), default);
        }

        // Then every line parses, and the torn bytes are kept next to the file
        var lines = File.ReadAllLines(file);
        Assert.Equal<string>(["a", "c"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList());
        var aside = Assert.Single(Directory.GetFiles(_dir.Path, "*.torn-*"));
        Assert.Equal(torn, File.ReadAllText(aside));
        Assert.Single(RecordFiles.List(_dir.Path, "records"));
    }

    [Fact]
    public void A_file_without_any_complete_line_is_moved_aside_whole()
    {
        var file = Path.Combine(_dir.Path, "records-2026-11-28-000.jsonl");
        File.WriteAllText(file, "{\"id\":");

        var moved = Assert.Single(TornLineRecovery.Repair(_dir.Path, "records", _time.GetUtcNow()));

        Assert.Equal(0, new FileInfo(file).Length);
        Assert.Equal("{\"id\":", File.ReadAllText(moved.MovedTo));
    }
}
