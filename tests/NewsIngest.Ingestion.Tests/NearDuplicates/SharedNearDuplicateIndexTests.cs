using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State.Postgres;

namespace NewsIngest.Ingestion.Tests.NearDuplicates;

/// <summary>Several workers share one near-duplicate index on PostgreSQL.</summary>
public sealed class SharedNearDuplicateIndexTests
{
    [Fact]
    public async Task Two_workers_indexing_one_record_at_once_both_flush_and_the_first_entry_stays()
    {
        // Given two workers that both hold, unwritten, an entry for one record (a page taken over mid-write)
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using var database = await PostgresDatabase.OpenAsync(schema.ConnectionString, default);
        await using var a = await PostgresNearDuplicateIndex.OpenAsync(database, default, flushEvery: 100);
        await using var b = await PostgresNearDuplicateIndex.OpenAsync(database, default, flushEvery: 100);
        await a.AddAsync(Text("rec-1", words: 120), [11, 12, 13], default);
        await b.AddAsync(Text("rec-1", words: 121), [11, 12, 14], default);

        // When both write them
        await a.FlushAsync(default);
        await b.FlushAsync(default);

        // Then neither fails, the index holds one entry for the record, the first one, found by its own bands only
        Assert.Equal(1, await a.CountAsync(default));
        var found = Assert.Single(await b.FindAsync(0, [11, 14], "other", DateTimeOffset.UnixEpoch, 10, default));
        Assert.Equal(120, found.Words);
        Assert.Empty(await b.FindAsync(0, [14], "other", DateTimeOffset.UnixEpoch, 10, default));
    }

    private static IndexedText Text(string recordId, int words) =>
        new(recordId, "site.test", recordId, words, TextKey: 42, [1u, 2u, 3u], DateTimeOffset.UtcNow);
}
