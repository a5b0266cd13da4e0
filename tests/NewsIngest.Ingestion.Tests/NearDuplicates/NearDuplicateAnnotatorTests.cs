using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Similarity;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Tests.NearDuplicates;

public sealed class NearDuplicateAnnotatorTests : IDisposable
{
    private static readonly string Story = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"word{i % 97}x{i}"));

    private readonly string _dir = Directory.CreateTempSubdirectory("neardup").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_dir, "state.db");

    [Fact]
    public async Task A_copy_finds_the_first_record_after_the_state_is_reopened_but_not_once_it_left_the_window()
    {
        await using (var state = await SqliteStateStore.OpenAsync(DbPath, default))
        await using (var first = await OpenAsync())
        {
            Assert.Null((await first.AnnotateAsync(Record("a", Story), "https://news.example/a", default)).Match);
        }

        await using (var state = await SqliteStateStore.OpenAsync(DbPath, default))
        await using (var again = await OpenAsync())
        {
            var copy = await again.AnnotateAsync(Record("b", Story), "https://wire.example/b", default);
            Assert.Equal(new NearDuplicateInfo("a", NearDuplicateRelation.Syndicated, 1), copy.Match);

            _time.Advance(TimeSpan.FromDays(31));
            Assert.Null((await again.AnnotateAsync(Record("c", Story), "https://news.example/c", default)).Match);
        }
    }

    private async Task<NearDuplicateAnnotator> OpenAsync() =>
        new(await SqliteNearDuplicateIndex.OpenAsync(DbPath, default), new NearDuplicateOptions(), _time);

    private static ArticleRecord Record(string id, string text) => new()
    {
        Id = id,
        Preview = new Preview { Text = text },
        Paywall = new PaywallInfo(),
        Removed = new RemovedCounts(),
        ContentHash = id,
        Extractor = ExtractorInfo.Current,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
