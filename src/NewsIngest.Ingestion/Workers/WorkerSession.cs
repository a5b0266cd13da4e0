using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.State.Postgres;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// This process as one of several workers on a PostgreSQL state: registered under <c>Worker:Id</c> (a new epoch), its
/// records in files of its own (<c>{Output:FilePrefix}-{worker}-{day}-{n}.jsonl</c>) in the shared output directory,
/// its leases kept by a <see cref="LeaseKeeper"/>, which also adopts dead workers and settles their files. Made by the
/// runtime factory when the state is PostgreSQL; disposing it (after the batch writer has written everything) stops the
/// keeper and retires the registration, letting its hosts go.
/// </summary>
public sealed class WorkerSession : IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly WorkerRegistry _registry;
    private readonly string _directory;
    private readonly string _filePrefix;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private WorkerSession(
        PostgresDatabase database, WorkerOptions options, WorkerRegistry registry, WorkerRegistration registration, IStateStore state,
        string directory, string filePrefix, TimeProvider time, ILogger logger)
    {
        _database = database;
        _registry = registry;
        _directory = directory;
        _filePrefix = filePrefix;
        _time = time;
        _logger = logger;
        Options = options;
        Registration = registration;
        Retry = new DatabaseRetry(time, logger);
        State = new RetryingStateStore(state, Retry);
        Leases = new HostLeases(database.DataSource, registration, options.LeaseTtl);
        Book = new LeaseBook();
        Frontier = new PostgresFrontierStore(database.DataSource, Leases, Book, options, time, continuous: false) { Retry = Retry };
        Keeper = new LeaseKeeper(registry, registration, Leases, Book, options.EffectiveRenewPeriod, options.LeaseTtl, time, logger)
        {
            Adopt = AdoptAsync,
        };
    }

    public WorkerOptions Options { get; }

    public WorkerRegistration Registration { get; }

    /// <summary>This worker's record files' prefix: <c>{Output:FilePrefix}-{worker}</c>.</summary>
    public string Prefix => WorkerRecovery.PrefixOf(_filePrefix, Registration.Id);

    /// <summary>The URL state, its calls retried while the database is unreachable.</summary>
    public IStateStore State { get; }

    public DatabaseRetry Retry { get; }

    public HostLeases Leases { get; }

    public LeaseBook Book { get; }

    /// <summary>The shared frontier (one per process: a pass of <c>once</c>, or <c>run</c>'s shared frontier).</summary>
    public PostgresFrontierStore Frontier { get; }

    public LeaseKeeper Keeper { get; }

    /// <summary>Fires when this worker's registration was taken over: it must stop.</summary>
    public CancellationToken RegistrationLost => Keeper.RegistrationLost;

    /// <summary>Registers <c>Worker:Id</c> (waiting out an unreachable database) and makes its session; start it with <see cref="Start"/>.</summary>
    public static async Task<WorkerSession> OpenAsync(
        PostgresDatabase database, WorkerOptions options, IStateStore state, string directory, string filePrefix, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger<WorkerSession>();
        var registry = new WorkerRegistry(database.DataSource, options.LeaseTtl);
        var retry = new DatabaseRetry(time, logger);
        var registration = await retry.RunAsync(token => registry.RegisterAsync(options.EffectiveId, token), cancellationToken);
        var session = new WorkerSession(database, options, registry, registration, state, Path.GetFullPath(directory), filePrefix, time, logger);
        WorkerLog.Registered(logger, registration.Id, registration.Epoch, session._directory, session.Prefix);
        return session;
    }

    /// <summary>The fence of this worker's record protocol, over <paramref name="sink"/> (its own files).</summary>
    public FencedWrites FenceFor(JsonLinesSink sink) =>
        new(_database.DataSource, Registration, Book, Options.LeaseTtl) { Frontier = Frontier, Sink = sink, Retry = Retry };

    /// <summary>Start-up recovery of this worker's own files (a previous process with the same id may have died).</summary>
    public Task<ReconcileReport> RecoverOwnAsync(CancellationToken cancellationToken) =>
        Retry.RunAsync(
            token => WorkerRecovery.RecoverAsync(_database.DataSource, State, Registration, _directory, Prefix, _time.GetUtcNow(), token),
            cancellationToken);

    /// <summary>Starts renewing, and adopting dead workers.</summary>
    public void Start() => Keeper.Start();

    public async ValueTask DisposeAsync()
    {
        var lost = Keeper.RegistrationLost.IsCancellationRequested;
        await Keeper.DisposeAsync();
        if (!lost)
        {
            try
            {
                await _registry.RetireAsync(Registration, CancellationToken.None);
            }
            catch (Exception ex) when (DatabaseRetry.IsTransient(ex))
            {
                // Unretired, it expires after Worker:LeaseTtl and is adopted: nothing is pending after a clean stop.
                WorkerLog.ConnectionLost(_logger, ex.Message.ReplaceLineEndings(" "));
            }
        }
    }

    private async Task AdoptAsync(WorkerRegistration dead, CancellationToken cancellationToken)
    {
        var report = await WorkerRecovery.RecoverAsync(
            _database.DataSource, State, dead, _directory, WorkerRecovery.PrefixOf(_filePrefix, dead.Id), _time.GetUtcNow(), cancellationToken);
        WorkerLog.Adopted(_logger, dead.Id, Registration.Id, report.Committed, report.Dropped, report.TornLines.Count, report.BadLines.Count);
    }
}
