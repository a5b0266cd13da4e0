using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// The PostgreSQL state database: one pooled <see cref="NpgsqlDataSource"/> per process, its schema brought to this
/// build's version when opened. The stores over it (<c>State:Provider</c> = <c>Postgres</c>) share it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(NpgsqlDataSource dataSource, string description)
    {
        DataSource = dataSource;
        Description = description;
    }

    /// <summary>The pooled connections.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the state is, for logs and messages: host, port, database and schema, never a password.</summary>
    public string Description { get; }

    /// <summary>The schema version this build creates.</summary>
    public static int SchemaVersion => PostgresSchema.CurrentVersion;

    /// <summary>
    /// The most connections one process's state pool opens when the connection string does not say
    /// (<c>Maximum Pool Size</c>). Npgsql's own default, 100, lets four workers ask for 400 connections of a server
    /// that allows 100 by default (<c>max_connections</c>), and the ones refused fail with 53300: calls beyond the
    /// bound wait for a pooled connection instead (up to the connection string's <c>Timeout</c>).
    /// </summary>
    public const int DefaultMaxPoolSize = 16;

    /// <summary>
    /// Connects to <paramref name="connectionString"/> and creates or upgrades the schema. The pool holds at most
    /// <paramref name="defaultMaxPoolSize"/> connections unless the connection string sets <c>Maximum Pool Size</c>.
    /// </summary>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken, int defaultMaxPoolSize = DefaultMaxPoolSize)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (!SetsPoolSize(connectionString))
        {
            settings.MaxPoolSize = defaultMaxPoolSize;
            settings.MinPoolSize = Math.Min(settings.MinPoolSize, defaultMaxPoolSize);
        }

        // The stores' statements are few and repeated per page: prepared on each pooled connection after two uses,
        // unless the connection string says otherwise.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        var description = Describe(settings);
        var dataSource = builder.Build();
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, cancellationToken);
            return new PostgresDatabase(dataSource, description);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>Host, port, database and schema of <paramref name="settings"/>, never a password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var schema = string.IsNullOrWhiteSpace(settings.SearchPath) ? "" : $" (schema {settings.SearchPath})";
        return $"postgres://{settings.Host}:{settings.Port}/{settings.Database}{schema}";
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    // Npgsql's builder reports its default for a key not given, so the given keys are read from the string itself.
    private static bool SetsPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Maximum Pool Size") || given.ContainsKey("Max Pool Size") || given.ContainsKey("MaxPoolSize");
    }
}
