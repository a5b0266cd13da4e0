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

    [Theory]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2}", "a")]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2}  ", "a")]
    [InlineData("{\"id\":\"a\",\"id\":\"b\",\"contentHash\":\"h\",\"version\":3}", "b")]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2.5}", null)]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":\"2\"}", null)]
    [InlineData("{\"id\":1,\"contentHash\":\"h\",\"version\":2}", null)]
    [InlineData("{\"id\":\"a\",\"version\":2}", null)]
    [InlineData("[1,2]", null)]
    [InlineData("\"text\"", null)]
    [InlineData("", null)]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2} trailing", null)]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"nested\":{\"version\":1}}", null)]
    [InlineData("{\"id\":\"a\",\"contentHash\":\"h\",\"version\":2", null)]
    public void A_line_is_a_record_when_it_is_one_object_with_a_string_id_and_hash_and_an_integer_version(string line, string? id)
    {
        var fragment = RecordFragment.Read(Encoding.UTF8.GetBytes(line), whole: true);

        Assert.Equal(id, RecordLines.TryReadKey(line)?.Id);
        Assert.Equal((id is not null, id), (fragment.IsRecord, fragment.IsRecord ? fragment.Id : null));
    }

    [Fact]
    public void A_stored_record_is_read_with_every_key_field()
    {
        var record = Records.Stored("a", version: 4) with { Article = Records.Article("a", "some text", "https://news.example/a") };

        var key = RecordLines.TryReadKey(StoredRecordJson.Serialize(record));

        Assert.Equal(
            (record.Article.Id, record.Article.Url, record.Version, record.Article.ContentHash, record.Article.CanonicalUrl, record.Source, (DateTimeOffset?)record.FetchedAt),
            (key?.Id, key?.Url, key?.Version ?? 0, key?.ContentHash, key?.CanonicalUrl, key?.Source, key?.FetchedAt));
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
