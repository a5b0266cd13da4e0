using System.Text;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

/// <summary>Every line of the last record file is checked at start; one that is not a record is moved aside.</summary>
public sealed class BadLineRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Bad_lines_in_the_middle_of_the_last_file_are_moved_aside_and_the_records_kept_byte_for_byte()
    {
        var older = Path.Combine(_dir.Path, RecordFiles.Name("records", new DateOnly(2026, 11, 27), 0));
        var last = Path.Combine(_dir.Path, RecordFiles.Name("records", new DateOnly(2026, 11, 28), 0));
        File.WriteAllBytes(older, [.. Line("old"), .. "old garbage\n"u8]);
        byte[][] lines =
        [
            Line("a"), "not json at all\n"u8.ToArray(), Line("b"), "{\"id\":\"x\",\"version\":1}\n"u8.ToArray(),
            "\n"u8.ToArray(), Line("c"),
        ];
        File.WriteAllBytes(last, [.. lines.SelectMany(l => l)]);
        var olderBefore = File.ReadAllBytes(older);

        var moved = BadLineRecovery.Repair(_dir.Path, "records", _time.GetUtcNow(), default);

        Assert.Equal([2, 4, 5], moved.Select(m => m.Number));
        Assert.All(moved, m => Assert.Equal(last, m.File));
        var aside = Assert.Single(Directory.GetFiles(_dir.Path, "*.bad-*"));
        Assert.Equal(last + ".bad-20261128T230000000Z", aside);
        Assert.All(moved, m => Assert.Equal(aside, m.MovedTo));
        Assert.Equal("not json at all\n{\"id\":\"x\",\"version\":1}\n\n", File.ReadAllText(aside));
        Assert.Equal([.. lines[0], .. lines[2], .. lines[5]], File.ReadAllBytes(last));
        Assert.Equal(olderBefore, File.ReadAllBytes(older));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.rewrite"));
        Assert.Equal([(long)lines[1].Length, lines[3].Length, 1], moved.Select(m => m.Bytes));
    }

    [Fact]
    public void A_last_file_of_records_only_is_left_alone()
    {
        var last = Path.Combine(_dir.Path, RecordFiles.Name("records", new DateOnly(2026, 11, 28), 0));
        byte[] bytes = [.. Line("a"), .. Line("b", new string('x', 600_000)), .. Line("c")];
        File.WriteAllBytes(last, bytes);
        var written = File.GetLastWriteTimeUtc(last);

        Assert.Empty(BadLineRecovery.Repair(_dir.Path, "records", _time.GetUtcNow(), default));

        Assert.Equal(bytes, File.ReadAllBytes(last));
        Assert.Equal(written, File.GetLastWriteTimeUtc(last));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void A_line_is_a_record_exactly_when_the_records_reader_reads_one()
    {
        string[] lines =
        [
            StoredRecordJson.Serialize(Records.Stored("a")), "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2}",
            "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2.5}", "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":\"2\"}",
            "{\"id\":1,\"contentHash\":\"h\",\"version\":2}", "{\"id\":\"a\",\"version\":2}", "[1,2]", "\"text\"", "",
            "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2} trailing", "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2}  ",
            "{\"id\":\"a\",\"contentHash\":\"h\",\"nested\":{\"version\":1}}", "{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2",
            "{\"id\":\"a\",\"id\":\"b\",\"contentHash\":\"h\",\"version\":3}",
        ];

        Assert.All(lines, line =>
        {
            var key = RecordLines.TryReadKey(line);
            var fragment = RecordFragment.Read(Encoding.UTF8.GetBytes(line), whole: true);
            Assert.True(key is not null == fragment.IsRecord, line);
            Assert.Equal((key?.Id, key?.Version, key?.ContentHash), fragment.IsRecord ? (fragment.Id, fragment.Version, fragment.ContentHash) : (null, null, null));
        });
    }

    [Fact]
    public void The_first_bytes_of_a_record_cut_short_name_it()
    {
        var line = StoredRecordJson.SerializeLine(Records.Stored("rec-7", version: 3) with
        {
            Article = Records.Article("rec-7", "some text", "https://news.example/7"),
        });

        var cut = RecordFragment.Read(line.AsSpan(0, line.Length - 8), whole: false);
        var garbage = RecordFragment.Read("no record here"u8, whole: false);
        var early = RecordFragment.Read(line.AsSpan(0, 20), whole: false);

        Assert.Equal(("rec-7", "https://news.example/7", (int?)null, false, true), (cut.Id, cut.Url, cut.Version, cut.IsRecord, cut.IsObjectStart));
        Assert.False(garbage.IsObjectStart);
        Assert.Equal((null, true), (early.Id, early.IsObjectStart));
    }

    private static byte[] Line(string id, string text = "some preview text") =>
        StoredRecordJson.SerializeLine(Records.Stored(id, text));
}
