using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Ingestion.Tests.State;

/// <summary>The PostgreSQL state schema is created at start, once, however many workers start together.</summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task Opening_a_new_database_creates_every_state_table_at_this_builds_version()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();

        await using (await PostgresDatabase.OpenAsync(schema.ConnectionString, CancellationToken.None))
        {
        }

        var tables = await QueryAsync(schema, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1;");
        Assert.Subset(
            new HashSet<string> { "urls", "pending_writes", "archive", "passes", "hosts", "robots", "neardup_texts", "neardup_bands", "site_template_pages", "discovery_sites", "discovery_resources", "newsingest_schema", "workers", "host_leases", "frontier_items", "source_passes" },
            tables.ToHashSet());
        Assert.Equal(
            Enumerable.Range(1, PostgresDatabase.SchemaVersion).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await QueryAsync(schema, "SELECT version::text FROM newsingest_schema ORDER BY version;"));
    }

    [Fact]
    public async Task Eight_workers_starting_at_once_apply_each_step_once_and_none_fails()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => PostgresDatabase.OpenAsync(schema.ConnectionString, CancellationToken.None))));
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }

        Assert.Equal(
            [PostgresDatabase.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            await QueryAsync(schema, "SELECT count(*)::text FROM newsingest_schema;"));
    }

    [Fact]
    public async Task A_schema_written_by_a_newer_build_is_refused_and_left_as_it_is()
    {
        await using var schema = await TestPostgres.CreateSchemaAsync();
        await using (await PostgresDatabase.OpenAsync(schema.ConnectionString, CancellationToken.None))
        {
        }

        var newer = PostgresDatabase.SchemaVersion + 1;
        await QueryAsync(schema, $"INSERT INTO newsingest_schema (version) VALUES ({newer}) RETURNING version::text;");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PostgresDatabase.OpenAsync(schema.ConnectionString, CancellationToken.None));

        Assert.Contains($"has version {newer}, newer than this build's {PostgresDatabase.SchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains(schema.Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(
            [newer.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            await QueryAsync(schema, "SELECT max(version)::text FROM newsingest_schema;"));
    }

    private static async Task<List<string>> QueryAsync(TestSchema schema, string sql)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
