using Microsoft.Extensions.Logging.Abstractions;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Tests.Workers;

/// <summary>
/// The near-duplicate index and the site-template windows on PostgreSQL, after the server ended every connection of
/// the worker's pool (<c>pg_terminate_backend</c>): through the retry the next call goes through on a new connection;
/// without it the call fails (and, in a pass, the page it was for).
/// </summary>
public sealed class RetryingStoresTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_near_duplicate_text_added_after_the_connections_were_ended_is_kept_and_found()
    {
        await using var db = await SharedDatabase.OpenAsync();
        await using var index = new RetryingNearDuplicateIndex(
            await PostgresNearDuplicateIndex.OpenAsync(db.Database, default, flushEvery: 1), new DatabaseRetry(TimeProvider.System, NullLogger.Instance));
        Assert.Equal(0, await index.CountAsync(default)); // the pool holds a connection now
        Assert.True(await db.EndConnectionsAsync() >= 1);

        await index.AddAsync(new IndexedText("r1", "news.test", "r1", 120, 42, [1, 2, 3], T0), [7, 8], default);
        await index.FlushAsync(default);

        Assert.Equal(1, await index.CountAsync(default));
        Assert.Equal("r1", Assert.Single(await index.FindAsync(42, [7, 8], "other", T0.AddDays(-1), 10, default)).RecordId);
    }

    [Fact]
    public async Task A_template_page_saved_after_the_connections_were_ended_is_kept()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var store = new RetryingSiteTemplateStore(new PostgresStateStore(db.Database), new DatabaseRetry(TimeProvider.System, NullLogger.Instance));
        Assert.Empty(await store.GetTemplatePagesAsync("news.test", default));
        Assert.True(await db.EndConnectionsAsync() >= 1);

        await store.SaveTemplatePageAsync("news.test", new PageSample("p1", "c1", [1UL, 2UL]), capacity: 8, default);

        Assert.Equal("p1", Assert.Single(await store.GetTemplatePagesAsync("news.test", default)).PageKey);
    }

    [Fact]
    public async Task Without_the_retry_a_call_after_the_connections_were_ended_fails()
    {
        await using var db = await SharedDatabase.OpenAsync();
        var store = new PostgresStateStore(db.Database);
        Assert.Empty(await store.GetTemplatePagesAsync("news.test", default));
        Assert.True(await db.EndConnectionsAsync() >= 1);

        var fault = await Record.ExceptionAsync(() => store.GetTemplatePagesAsync("news.test", default));

        Assert.True(fault is not null && DatabaseRetry.IsTransient(fault), fault?.ToString() ?? "no fault");
    }
}
