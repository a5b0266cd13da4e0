using System.Text.Json;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;

namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>
/// An <see cref="IDiscoveryCache"/> in the PostgreSQL state's <c>discovery_sites</c> and <c>discovery_resources</c>
/// tables (schema version 1), shared by every worker on the database. The database is opened (and migrated) at first
/// use, since the cache is made when the host is built; each call then takes a pooled connection. Lists are JSON text
/// as in <see cref="SqliteDiscoveryCache"/>; instants are kept to the microsecond.
/// </summary>
public sealed class PostgresDiscoveryCache(string connectionString) : IDiscoveryCache, IAsyncDisposable
{
    /// <summary>
    /// The cache's own pool, beside the state's (<see cref="PostgresDatabase.DefaultMaxPoolSize"/>), when the
    /// connection string does not set one: a few lookups per source, so a worker holds at most 20 connections.
    /// </summary>
    public const int PoolSize = 4;

    private readonly SemaphoreSlim _openLock = new(1, 1);
    private PostgresDatabase? _database;

    public async Task<SiteEndpoints?> GetSiteAsync(string site, CancellationToken cancellationToken)
    {
        var dataSource = await DataSourceAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT feeds, sitemaps, discovered_at FROM discovery_sites WHERE site = $1");
        command.Parameters.Add(PgValues.Text(site));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SiteEndpoints(site, List(reader.GetString(0)), List(reader.GetString(1)), PgValues.StampOf(reader, 2))
            : null;
    }

    public async Task SaveSiteAsync(SiteEndpoints endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var dataSource = await DataSourceAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO discovery_sites (site, feeds, sitemaps, discovered_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (site) DO UPDATE SET feeds = EXCLUDED.feeds, sitemaps = EXCLUDED.sitemaps, discovered_at = EXCLUDED.discovered_at
            """);
        PgValues.AddAll(command.Parameters,
        [
            PgValues.Text(endpoints.Site),
            PgValues.Text(JsonSerializer.Serialize(endpoints.Feeds, DiscoveryCacheJson.Default.IReadOnlyListString)),
            PgValues.Text(JsonSerializer.Serialize(endpoints.Sitemaps, DiscoveryCacheJson.Default.IReadOnlyListString)),
            PgValues.Stamp(endpoints.DiscoveredAt),
        ]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ResourceState?> GetResourceAsync(string url, CancellationToken cancellationToken)
    {
        var dataSource = await DataSourceAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT etag, last_modified, last_fetched_at, failures, retry_after, last_error, items, children
            FROM discovery_resources WHERE url = $1
            """);
        command.Parameters.Add(PgValues.Text(url));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ResourceState
        {
            Url = url,
            ETag = PgValues.TextOrNull(reader, 0),
            LastModified = PgValues.StampOrNull(reader, 1),
            LastFetchedAt = PgValues.StampOrNull(reader, 2),
            Failures = reader.GetInt32(3),
            RetryAfter = PgValues.StampOrNull(reader, 4),
            LastError = PgValues.TextOrNull(reader, 5),
            Items = JsonSerializer.Deserialize(reader.GetString(6), DiscoveryCacheJson.Default.IReadOnlyListDiscoveredUrl) ?? [],
            Children = List(reader.GetString(7)),
        };
    }

    public async Task SaveResourceAsync(ResourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dataSource = await DataSourceAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO discovery_resources (url, etag, last_modified, last_fetched_at, failures, retry_after, last_error, items, children)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
                last_fetched_at = EXCLUDED.last_fetched_at, failures = EXCLUDED.failures, retry_after = EXCLUDED.retry_after,
                last_error = EXCLUDED.last_error, items = EXCLUDED.items, children = EXCLUDED.children
            """);
        PgValues.AddAll(command.Parameters,
        [
            PgValues.Text(state.Url),
            PgValues.Text(state.ETag),
            PgValues.Stamp(state.LastModified),
            PgValues.Stamp(state.LastFetchedAt),
            PgValues.Int(state.Failures),
            PgValues.Stamp(state.RetryAfter),
            PgValues.Text(state.LastError),
            PgValues.Text(JsonSerializer.Serialize(state.Items, DiscoveryCacheJson.Default.IReadOnlyListDiscoveredUrl)),
            PgValues.Text(JsonSerializer.Serialize(state.Children, DiscoveryCacheJson.Default.IReadOnlyListString)),
        ]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _openLock.Dispose();
    }

    private async Task<NpgsqlDataSource> DataSourceAsync(CancellationToken cancellationToken)
    {
        if (_database is { } open)
        {
            return open.DataSource;
        }

        await _openLock.WaitAsync(cancellationToken);
        try
        {
            _database ??= await PostgresDatabase.OpenAsync(connectionString, cancellationToken, PoolSize);
            return _database.DataSource;
        }
        finally
        {
            _openLock.Release();
        }
    }

    private static IReadOnlyList<string> List(string json) =>
        JsonSerializer.Deserialize(json, DiscoveryCacheJson.Default.IReadOnlyListString) ?? [];
}
