using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Ingestion.Health;

/// <summary>
/// Whether the state file can be opened and read now, from a connection of its own (read-only, unpooled): the
/// worker's open connection would go on working on a file that was deleted, replaced or whose disk went away. With
/// PostgreSQL, whether a new connection reaches the server and finds the state schema.
/// </summary>
public static class StateProbe
{
    /// <summary>Null when the state of <paramref name="options"/> can be read now; else the reason, one line.</summary>
    public static async Task<string?> CheckAsync(StateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StateProvider.Postgres)
        {
            return await CheckAsync(options.Path, cancellationToken);
        }

        var settings = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false };
        if (settings.Timeout > 5)
        {
            // A readiness probe answers within seconds, whatever the workers' own connect timeout.
            settings.Timeout = 5;
        }

        var where = PostgresDatabase.Describe(settings);
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT to_regclass('newsingest_schema') IS NOT NULL", connection);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))! ? null : $"state {where} has no newsingest schema";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return $"state {where} cannot be read: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }

    /// <summary>Null when <paramref name="path"/> opens and reads as a database; else the reason, one line.</summary>
    public static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString();
        try
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync(cancellationToken);
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (SqliteException ex)
        {
            return $"state {path} cannot be read: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }
}
