using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// The state of <c>State:Provider</c>, opened in one place: the SQLite file (<c>State:Path</c>) or the PostgreSQL
/// database (<c>State:ConnectionString</c>, schema migrated at open). Everything that keeps state goes through it:
/// the runtime (<see cref="Store"/> and the stores beside it, the near-duplicate index), the discovery cache
/// (<see cref="CreateDiscoveryCache"/>), the inspection commands (<see cref="OpenReaderAsync"/>). Code that needs
/// the shared database itself (worker registry, host leases) takes <see cref="Database"/>, null on SQLite.
/// Disposing it closes the stores, then the database.
/// </summary>
public sealed class StateBackend : IAsyncDisposable
{
    private readonly SqliteStateStore? _sqlite;

    private StateBackend(SqliteStateStore sqlite)
    {
        _sqlite = sqlite;
        Provider = StateProvider.Sqlite;
        Description = sqlite.Path;
        Store = sqlite;
        Passes = sqlite;
        Hosts = sqlite;
        Templates = sqlite;
    }

    private StateBackend(PostgresDatabase database, PostgresStateStore store)
    {
        Provider = StateProvider.Postgres;
        Database = database;
        Description = database.Description;
        Store = store;
        Passes = store;
        Hosts = store;
        SharedRobots = store;
        Templates = store;
    }

    /// <summary>Which provider this is.</summary>
    public StateProvider Provider { get; }

    /// <summary>Where the state is, for logs and messages: the file's full path, or host, port, database and schema (never a password).</summary>
    public string Description { get; }

    /// <summary>URL state and the record protocol.</summary>
    public IStateStore Store { get; }

    /// <summary>The passes of <c>status</c>.</summary>
    public IPassHistory Passes { get; }

    /// <summary>Host pacing, cooldowns and robots.txt verdicts.</summary>
    public IHostStateStore Hosts { get; }

    /// <summary>robots.txt verdicts every worker sees at once (PostgreSQL), null with SQLite (one process at a time).</summary>
    public ISharedRobotsVerdicts? SharedRobots { get; }

    /// <summary>Site-template windows.</summary>
    public ISiteTemplateStore Templates { get; }

    /// <summary>The PostgreSQL database (its pooled data source), null with SQLite.</summary>
    public PostgresDatabase? Database { get; }

    /// <summary>Opens the state <paramref name="options"/> name, creating or upgrading its schema.</summary>
    public static async Task<StateBackend> OpenAsync(StateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StateProvider.Postgres)
        {
            return new StateBackend(await SqliteStateStore.OpenAsync(options.Path, cancellationToken));
        }

        var database = await PostgresDatabase.OpenAsync(ConnectionStringOf(options), cancellationToken);
        return new StateBackend(database, new PostgresStateStore(database));
    }

    /// <summary>
    /// The near-duplicate index in this state (its own connection on SQLite, the pool on PostgreSQL), writing new
    /// entries in groups of <paramref name="flushEvery"/>.
    /// </summary>
    public async Task<INearDuplicateIndex> OpenNearDuplicateIndexAsync(
        CancellationToken cancellationToken, int flushEvery = SqliteNearDuplicateIndex.DefaultFlushEvery) =>
        Database is { } database
            ? await PostgresNearDuplicateIndex.OpenAsync(database, cancellationToken, flushEvery)
            : await SqliteNearDuplicateIndex.OpenAsync(_sqlite!.Path, cancellationToken, flushEvery);

    /// <summary>
    /// The read-only view of the inspection commands, or null when there is no state yet (no SQLite file; a
    /// PostgreSQL schema with no state tables). Never creates or migrates anything.
    /// </summary>
    public static async Task<IStateReader?> OpenReaderAsync(StateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StateProvider.Postgres
            ? await PostgresStateReader.OpenAsync(ConnectionStringOf(options), cancellationToken)
            : await StateReader.OpenAsync(options.Path, cancellationToken);
    }

    /// <summary>
    /// The discovery cache of <paramref name="options"/>: in the PostgreSQL database (opened at first use), else in the
    /// SQLite file <paramref name="sqlitePath"/>, else (no path) in memory. On PostgreSQL each call goes through
    /// <paramref name="retry"/> when one is given.
    /// </summary>
    public static IDiscoveryCache CreateDiscoveryCache(StateOptions options, string? sqlitePath, DatabaseRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == StateProvider.Postgres)
        {
            var cache = new PostgresDiscoveryCache(ConnectionStringOf(options));
            return retry is null ? cache : new RetryingDiscoveryCache(cache, retry);
        }

        return sqlitePath is { Length: > 0 } ? new SqliteDiscoveryCache(sqlitePath) : new InMemoryDiscoveryCache();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private static string ConnectionStringOf(StateOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException("State:ConnectionString is required when State:Provider is Postgres")
            : options.ConnectionString;
}
