using Microsoft.Extensions.Time.Testing;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Similarity;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.NearDuplicates;

/// <summary>The near-duplicate annotator over each provider's index (<see cref="INearDuplicateIndex"/>): the same verdicts and rows on both.</summary>
public abstract class NearDuplicateAnnotatorContract : StateContract
{
    private static readonly string Story = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"word{i % 97}x{i}"));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_copy_finds_the_first_record_after_the_state_is_reopened_but_not_once_it_left_the_window()
    {
        await using (var state = await State.OpenAsync())
        await using (var first = await OpenAsync(state))
        {
            Assert.Null((await first.AnnotateAsync(Record("a", Story), "https://news.example/a", default)).Match);
        }

        await using (var state = await State.OpenAsync())
        await using (var again = await OpenAsync(state))
        {
            var copy = await again.AnnotateAsync(Record("b", Story), "https://wire.example/b", default);
            Assert.Equal(new NearDuplicateInfo("a", NearDuplicateRelation.Syndicated, 1), copy.Match);

            _time.Advance(TimeSpan.FromDays(31));
            Assert.Null((await again.AnnotateAsync(Record("c", Story), "https://news.example/c", default)).Match);
        }
    }

    [Fact]
    public async Task A_site_keeps_only_its_newest_MaxPerSite_records_and_no_band_row_of_those_it_dropped()
    {
        // Given 5 records of one site, then 996 of another with a cap of 100 per site: the 1,001st record prunes.
        await using var state = await State.OpenAsync();
        await using (var annotator = await OpenAsync(state, new NearDuplicateOptions { MaxPerSite = 100 }))
        {
            for (var i = 0; i < 5; i++)
            {
                await annotator.AnnotateAsync(Record($"b{i}", Unique("b", i)), $"https://b.example/{i}", default);
            }

            for (var i = 0; i < 996; i++)
            {
                await annotator.AnnotateAsync(Record($"a{i}", Unique("a", i)), $"https://a.example/{i}", default);
            }
        }

        Assert.Equal(105, await ScalarAsync("SELECT COUNT(*) FROM neardup_texts;"));
        Assert.Equal(100, await ScalarAsync("SELECT COUNT(*) FROM neardup_texts WHERE site = 'a.example';"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM neardup_bands WHERE seq NOT IN (SELECT seq FROM neardup_texts);"));

        // Then a copy of the oldest kept record of the capped site still finds it; one of a dropped record finds none.
        await using var later = await OpenAsync(state);
        Assert.Equal("a896", (await later.AnnotateAsync(Record("x1", Unique("a", 896)), "https://wire.example/1", default)).Match?.Of);
        Assert.Null((await later.AnnotateAsync(Record("x2", Unique("a", 895)), "https://wire.example/2", default)).Match);
        Assert.Equal("b0", (await later.AnnotateAsync(Record("x3", Unique("b", 0)), "https://wire.example/3", default)).Match?.Of);
    }

    [Fact]
    public async Task Entries_held_before_they_are_written_give_the_verdicts_of_entries_written_one_by_one()
    {
        // Given the same records, with copies, near copies and a replaced entry, annotated against an index that
        // writes every entry at once and one that holds them (none is written before the end).
        var stream = new List<(string Id, string Text, string Url)>();
        for (var story = 0; story < 12; story++)
        {
            var text = Unique("s", story);
            stream.Add(($"o{story}", text, $"https://news.example/{story}"));
            stream.Add(($"c{story}", text, $"https://wire.example/{story}"));
            stream.Add(($"n{story}", string.Join(' ', text.Split(' ').Select((w, i) => i % 17 == 3 ? "changed" + i : w)), $"https://other.example/{story}"));
            if (story % 4 == 1)
            {
                stream.Add(($"o{story - 1}", Unique("s", story + 100), $"https://news.example/{story - 1}"));
            }
        }

        await using var other = await CreateAsync();
        var eager = await VerdictsAsync(stream, State, flushEvery: 1);
        var held = await VerdictsAsync(stream, other, flushEvery: 1000);

        // Then every verdict is the same, copies among them, and both states hold the same rows.
        Assert.Equal(eager, held);
        Assert.True(eager.Count(v => v is not null) >= 20, string.Join(", ", eager));
        Assert.Equal(await RowsAsync(State), await RowsAsync(other));
    }

    private async Task<List<NearDuplicateInfo?>> VerdictsAsync(
        List<(string Id, string Text, string Url)> stream, StateUnderTest under, int flushEvery)
    {
        await using var state = await under.OpenAsync();
        await using var annotator = new NearDuplicateAnnotator(
            await state.OpenNearDuplicateIndexAsync(default, flushEvery), new NearDuplicateOptions(), _time);
        var verdicts = new List<NearDuplicateInfo?>();
        foreach (var (id, text, url) in stream)
        {
            verdicts.Add((await annotator.AnnotateAsync(Record(id, text), url, default)).Match);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return verdicts;
    }

    private static Task<List<string>> RowsAsync(StateUnderTest under) => under.QueryAsync($"""
        SELECT t.seq || ' ' || t.record_id || ' ' || t.cluster_of || ' ' || {under.Hex("t.bands")} || ' ' || (SELECT count(*) FROM neardup_bands b WHERE b.seq = t.seq)
        FROM neardup_texts t ORDER BY t.seq;
        """);

    private static string Unique(string site, int story) =>
        string.Join(' ', Enumerable.Range(0, 60).Select(w => $"{site}{story}w{w}"));

    private Task<long> ScalarAsync(string sql) => State.ScalarAsync(sql);

    private async Task<NearDuplicateAnnotator> OpenAsync(StateBackend state, NearDuplicateOptions? options = null) =>
        new(await state.OpenNearDuplicateIndexAsync(default), options ?? new NearDuplicateOptions(), _time);

    private static ArticleRecord Record(string id, string text) => new()
    {
        Id = id,
        Preview = new Preview { Text = text },
        Paywall = new PaywallInfo(),
        Removed = new RemovedCounts(),
        ContentHash = id,
        Extractor = ExtractorInfo.Current,
    };
}
