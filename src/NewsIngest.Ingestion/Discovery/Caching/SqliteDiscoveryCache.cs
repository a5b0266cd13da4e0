using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>
/// An <see cref="IDiscoveryCache"/> in its own tables (<c>discovery_sites</c>, <c>discovery_resources</c>) of the
/// state database file, so it survives restarts next to the URL state. One short connection per call (pooled);
/// WAL and a busy timeout let the host's state store share the file. Writes go one at a time through this instance
/// (sources are discovered concurrently: left to SQLite's busy handler, its sleeps held each source's pages back by up
/// to a second) and commit with <c>synchronous=NORMAL</c>: a cache entry lost to a power cut costs one refetch, not a
/// record, so it is not worth an fsync per feed.
/// </summary>
public sealed class SqliteDiscoveryCache : IDiscoveryCache
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS discovery_sites (
            site TEXT PRIMARY KEY, feeds TEXT NOT NULL, sitemaps TEXT NOT NULL, discovered_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS discovery_resources (
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_fetched_at TEXT, failures INTEGER NOT NULL,
            retry_after TEXT, last_error TEXT, items TEXT NOT NULL, children TEXT NOT NULL);
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _initialized;

    /// <param name="databasePath">The state database file (created when missing).</param>
    public SqliteDiscoveryCache(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    public async Task<SiteEndpoints?> GetSiteAsync(string site, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT feeds, sitemaps, discovered_at FROM discovery_sites WHERE site = $site";
        command.Parameters.AddWithValue("$site", site);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SiteEndpoints(site, List(reader.GetString(0)), List(reader.GetString(1)), Date(reader.GetString(2)))
            : null;
    }

    public async Task SaveSiteAsync(SiteEndpoints endpoints, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        using var release = new Releaser(_writeLock);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO discovery_sites (site, feeds, sitemaps, discovered_at)
            VALUES ($site, $feeds, $sitemaps, $at)
            """;
        command.Parameters.AddWithValue("$site", endpoints.Site);
        command.Parameters.AddWithValue("$feeds", JsonSerializer.Serialize(endpoints.Feeds, DiscoveryCacheJson.Default.IReadOnlyListString));
        command.Parameters.AddWithValue("$sitemaps", JsonSerializer.Serialize(endpoints.Sitemaps, DiscoveryCacheJson.Default.IReadOnlyListString));
        command.Parameters.AddWithValue("$at", endpoints.DiscoveredAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ResourceState?> GetResourceAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT etag, last_modified, last_fetched_at, failures, retry_after, last_error, items, children
            FROM discovery_resources WHERE url = $url
            """;
        command.Parameters.AddWithValue("$url", url);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ResourceState
        {
            Url = url,
            ETag = reader.IsDBNull(0) ? null : reader.GetString(0),
            LastModified = reader.IsDBNull(1) ? null : Date(reader.GetString(1)),
            LastFetchedAt = reader.IsDBNull(2) ? null : Date(reader.GetString(2)),
            Failures = reader.GetInt32(3),
            RetryAfter = reader.IsDBNull(4) ? null : Date(reader.GetString(4)),
            LastError = reader.IsDBNull(5) ? null : reader.GetString(5),
            Items = JsonSerializer.Deserialize(reader.GetString(6), DiscoveryCacheJson.Default.IReadOnlyListDiscoveredUrl) ?? [],
            Children = List(reader.GetString(7)),
        };
    }

    public async Task SaveResourceAsync(ResourceState state, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        using var release = new Releaser(_writeLock);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO discovery_resources
                (url, etag, last_modified, last_fetched_at, failures, retry_after, last_error, items, children)
            VALUES ($url, $etag, $lm, $at, $failures, $retry, $error, $items, $children)
            """;
        command.Parameters.AddWithValue("$url", state.Url);
        command.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$lm", Text(state.LastModified));
        command.Parameters.AddWithValue("$at", Text(state.LastFetchedAt));
        command.Parameters.AddWithValue("$failures", state.Failures);
        command.Parameters.AddWithValue("$retry", Text(state.RetryAfter));
        command.Parameters.AddWithValue("$error", (object?)state.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$items", JsonSerializer.Serialize(state.Items, DiscoveryCacheJson.Default.IReadOnlyListDiscoveredUrl));
        command.Parameters.AddWithValue("$children", JsonSerializer.Serialize(state.Children, DiscoveryCacheJson.Default.IReadOnlyListString));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_initialized)
        {
            await _initLock.WaitAsync(cancellationToken);
            try
            {
                if (!_initialized)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    _initialized = true;
                }
            }
            finally
            {
                _initLock.Release();
            }
        }

        return connection;
    }

    private static object Text(DateTimeOffset? value) =>
        value is { } v ? v.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DateTimeOffset Date(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static IReadOnlyList<string> List(string json) =>
        JsonSerializer.Deserialize(json, DiscoveryCacheJson.Default.IReadOnlyListString) ?? [];

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
