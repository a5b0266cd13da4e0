using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>What <c>newsingest check</c> learns of the PostgreSQL state without creating or migrating anything.</summary>
/// <param name="Location">Host, port, database and schema (never a password).</param>
/// <param name="ServerVersion">The server's <c>server_version</c>.</param>
/// <param name="SchemaVersion">The state schema's version, null when no worker has created it yet.</param>
public sealed record PostgresProbe(string Location, string ServerVersion, int? SchemaVersion)
{
    /// <summary>True when the schema was written by a newer build (this one would refuse to start on it).</summary>
    public bool IsNewer => SchemaVersion > PostgresDatabase.SchemaVersion;

    /// <summary>
    /// Connects once to <paramref name="connectionString"/> and reads the server and schema versions. Throws
    /// <see cref="NpgsqlException"/> (or <see cref="TimeoutException"/>) when the server cannot be reached or refuses.
    /// </summary>
    public static async Task<PostgresProbe> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), to_regclass('newsingest_schema') IS NOT NULL", connection);
        string server;
        bool exists;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (server, exists) = (reader.GetString(0), reader.GetBoolean(1));
        }

        int? version = null;
        if (exists)
        {
            // A table that may not exist cannot be named in the same statement that asks whether it does.
            command.CommandText = "SELECT coalesce(max(version), 0) FROM newsingest_schema";
            version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new PostgresProbe(PostgresDatabase.Describe(settings), server, version);
    }
}
