using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

/// <summary>
/// A torn committed record makes its URL due again without validators: real record files, a real state file, the
/// torn line moved aside by <see cref="TornLineRecovery"/> first, as at start.
/// </summary>
public sealed class TornRecordResetTests : IDisposable
{
    private static readonly DateTimeOffset Fetched = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Output => _dir.Combine("out");

    /// <summary>The file of 2026-11-28 (the clock's day, until a test moves it on).</summary>
    private string DayFile => Path.Combine(Output, RecordFiles.Name("records", new DateOnly(2026, 11, 28), 0));

    [Fact]
    public async Task A_cut_committed_last_record_sets_its_url_back_with_no_validators_and_leaves_the_others()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var a = await WriteCommittedAsync(state, "a", version: 1);
        await WriteCommittedAsync(state, "b", version: 1);
        Cut(DayFile, bytes: 5);

        var reset = await RecoverAsync(state);

        var torn = Assert.Single(reset);
        Assert.Equal(new TornRecord("https://news.example/b", "id-b", 1, DayFile, "version 1 of its record was cut short; fetched again"), torn);
        var row = (await state.GetAsync("https://news.example/b", default))!;
        Assert.Equal((0, null, null, null, UrlStatuses.RecordTorn, torn.Reason, _time.GetUtcNow()),
            (row.Version, row.ContentHash, row.ETag, row.LastModified, row.LastStatus, row.LastError, row.LastErrorAt));
        Assert.Equal("id-b", row.RecordId);
        Assert.Equal(a, await state.GetAsync("https://news.example/a", default));
    }

    [Fact]
    public async Task A_cut_second_version_sets_the_url_back_to_the_first()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        await WriteCommittedAsync(state, "a", version: 1);
        await WriteCommittedAsync(state, "a", version: 2, text: "the story changed");
        Cut(DayFile, bytes: 1);

        var torn = Assert.Single(await RecoverAsync(state));

        Assert.Equal(2, torn.Version);
        var row = (await state.GetAsync("https://news.example/a", default))!;
        Assert.Equal((1, null, null, null), (row.Version, row.ContentHash, row.ETag, row.LastModified));
    }

    [Fact]
    public async Task A_torn_pending_write_is_left_to_the_reconcile()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var a = await WriteCommittedAsync(state, "a", version: 1);
        // Version 1's file archived elsewhere by the operator; then the crash: version 2 pending, half appended.
        File.Move(DayFile, _dir.Combine("archived.jsonl"));
        _time.Advance(TimeSpan.FromHours(2));
        var next = Path.Combine(Output, RecordFiles.Name("records", new DateOnly(2026, 11, 29), 0));
        await File.WriteAllTextAsync(next, StoredRecordJson.Serialize(Stored("a", 2, "the story changed"))[..60]);

        var reset = await RecoverAsync(state, pending: ["https://news.example/a"]);

        Assert.Empty(reset);
        Assert.Equal(a, await state.GetAsync("https://news.example/a", default));
    }

    [Fact]
    public async Task An_older_version_cut_at_the_end_of_an_older_file_resets_nothing_when_the_latest_is_whole()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        await WriteCommittedAsync(state, "a", version: 1);
        _time.Advance(TimeSpan.FromHours(2));
        var latest = await WriteCommittedAsync(state, "a", version: 2, text: "the story changed");
        Cut(DayFile, bytes: 30);

        Assert.Empty(await RecoverAsync(state));

        Assert.Equal(latest, await state.GetAsync("https://news.example/a", default));
    }

    [Fact]
    public async Task A_record_cut_before_its_id_is_found_by_the_urls_whose_latest_version_is_not_whole()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var a = await WriteCommittedAsync(state, "a", version: 1);
        await WriteCommittedAsync(state, "b", version: 1);
        var length = new FileInfo(DayFile).Length;
        Cut(DayFile, bytes: (int)(length - StoredRecordJson.SerializeLine(Stored("a", 1)).Length - 15));

        var torn = Assert.Single(await RecoverAsync(state));

        Assert.Equal("https://news.example/b", torn.Url);
        Assert.Equal(0, (await state.GetAsync("https://news.example/b", default))!.Version);
        Assert.Equal(a, await state.GetAsync("https://news.example/a", default));
    }

    [Fact]
    public async Task Garbage_without_a_line_break_resets_nothing()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        var a = await WriteCommittedAsync(state, "a", version: 1);
        await File.AppendAllTextAsync(DayFile, "garbage");

        Assert.Empty(await RecoverAsync(state));
        Assert.Equal(a, await state.GetAsync("https://news.example/a", default));
    }

    [Fact]
    public async Task A_damaged_committed_record_moved_aside_as_a_bad_line_sets_its_url_back()
    {
        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("s.db"), default);
        await WriteCommittedAsync(state, "a", version: 1);
        await WriteCommittedAsync(state, "b", version: 1);
        var c = await WriteCommittedAsync(state, "c", version: 1);
        var text = await File.ReadAllTextAsync(DayFile);
        var damaged = text.IndexOf("\"id\":\"id-b\"", StringComparison.Ordinal) + 40;
        await File.WriteAllTextAsync(DayFile, text[..damaged] + "\u0001garbled" + text[(damaged + 8)..]);

        var bad = BadLineRecovery.Repair(Output, "records", _time.GetUtcNow(), default);
        var reset = await TornRecordReset.ResetAsync(state, Output, "records", [], bad, new HashSet<string>(), _time.GetUtcNow(), default);

        Assert.Equal(2, Assert.Single(bad).Number);
        var torn = Assert.Single(reset);
        Assert.Equal(("https://news.example/b", "version 1 of its record was damaged (not a record); fetched again"), (torn.Url, torn.Reason));
        Assert.Equal(c, await state.GetAsync("https://news.example/c", default));
    }

    private async Task<IReadOnlyList<TornRecord>> RecoverAsync(SqliteStateStore state, string[]? pending = null)
    {
        var torn = TornLineRecovery.Repair(Output, "records", _time.GetUtcNow());
        Assert.NotEmpty(torn);
        return await TornRecordReset.ResetAsync(
            state, Output, "records", torn, [], (pending ?? []).ToHashSet(StringComparer.Ordinal), _time.GetUtcNow(), default);
    }

    // Appends the record and commits its URL's state as a pass would: validators, hash, version, record id.
    private async Task<UrlState> WriteCommittedAsync(SqliteStateStore state, string name, int version, string text = "some preview text")
    {
        var record = Stored(name, version, text);
        await using (var sink = new JsonLinesSink(Output, "records", 1 << 20, _time))
        {
            await sink.WriteAsync(record, default);
        }

        var row = new UrlState
        {
            Url = record.Article.Url!,
            RecordId = record.Article.Id,
            Version = version,
            ContentHash = record.Article.ContentHash,
            ETag = $"\"{name}{version}\"",
            LastModified = Fetched,
            LastFetchedAt = record.FetchedAt,
            LastStatus = UrlStatuses.Ok,
            Source = "test",
        };
        await state.SaveAsync(row, default);
        return row;
    }

    private StoredRecord Stored(string name, int version, string text = "some preview text") =>
        Records.Stored("id-" + name, text, version) with
        {
            Article = Records.Article("id-" + name, text, $"https://news.example/{name}"),
            FetchedAt = _time.GetUtcNow(),
        };

    private static void Cut(string file, int bytes)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length - bytes);
    }
}
