using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Ingestion.Tests.State;

/// <summary>
/// One worker's calls never take more of the server's connections than its pool allows: four workers at full load
/// must fit a server's <c>max_connections</c> (100 by default) instead of being refused with 53300.
/// </summary>
public sealed class PostgresPoolTests
{
    [Fact]
    public async Task Many_concurrent_calls_share_the_default_pool_and_all_succeed()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var application = Tagged(schema.ConnectionString, out var connectionString);
        await using var database = await PostgresDatabase.OpenAsync(connectionString, CancellationToken.None);

        var seen = await ConcurrentCallsAsync(database, application, calls: 64);

        Assert.Equal(64, seen.Length);
        Assert.InRange(seen.Max(), 1, PostgresDatabase.DefaultMaxPoolSize);
    }

    [Fact]
    public async Task A_pool_size_in_the_connection_string_is_kept()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        var application = Tagged(schema.ConnectionString + ";Maximum Pool Size=3", out var connectionString);
        await using var database = await PostgresDatabase.OpenAsync(connectionString, CancellationToken.None);

        var seen = await ConcurrentCallsAsync(database, application, calls: 24);

        Assert.Equal(24, seen.Length);
        Assert.InRange(seen.Max(), 1, 3);
    }

    // Each call holds its connection a moment and counts the server's connections of this pool meanwhile.
    private static Task<long[]> ConcurrentCallsAsync(PostgresDatabase database, string application, int calls) =>
        Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(async () =>
        {
            await using var command = database.DataSource.CreateCommand(
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE application_name = $1) FROM pg_sleep(0.05)");
            command.Parameters.Add(new NpgsqlParameter { Value = application });
            return (long)(await command.ExecuteScalarAsync())!;
        })));

    private static string Tagged(string connectionString, out string tagged)
    {
        var application = "pool-" + Guid.NewGuid().ToString("N")[..12];
        tagged = connectionString + ";Application Name=" + application;
        return application;
    }
}
