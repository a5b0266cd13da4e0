using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Renews a worker's registration and host leases every <c>Worker:RenewPeriod</c> (the database clock decides
/// expiry), and adopts one dead worker per tick. A renewal that finds a lease gone stops that host's work at once
/// (<see cref="LeaseBook.MarkLost"/>); one that finds the registration gone stops all of it and fires
/// <see cref="RegistrationLost"/>: the worker was presumed dead and its files are another's now. While the database is
/// unreachable the keeper goes on trying; leases not renewed within <c>Worker:LeaseTtl</c> are given up locally, as
/// the database will let others take them.
/// </summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly WorkerRegistry _registry;
    private readonly HostLeases _leases;
    private readonly LeaseBook _book;
    private readonly TimeSpan _period;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private Task _loop = Task.CompletedTask;
    private long _renewedAt;
    private bool _troubled;

    public LeaseKeeper(
        WorkerRegistry registry, WorkerRegistration registration, HostLeases leases, LeaseBook book, TimeSpan period, TimeSpan ttl,
        TimeProvider time, ILogger logger)
    {
        _registry = registry;
        Registration = registration;
        _leases = leases;
        _book = book;
        _period = period;
        _ttl = ttl;
        _time = time;
        _logger = logger;
        _renewedAt = time.GetTimestamp();
        book.Lost += host => WorkerLog.LeaseLost(logger, host);
    }

    public WorkerRegistration Registration { get; }

    /// <summary>Fires when the registration was taken over: the worker must stop and write nothing more.</summary>
    public CancellationToken RegistrationLost => _lost.Token;

    /// <summary>
    /// Settles a dead worker this one adopted (its files, its pending writes); null adopts nobody. A failure is logged
    /// and the adoption left to run out, so another worker (or this one) tries again.
    /// </summary>
    public Func<WorkerRegistration, CancellationToken, Task>? Adopt { get; init; }

    /// <summary>Ticks done (tests wait for a count, never for time).</summary>
    public int Ticks => Volatile.Read(ref _ticks);

    private int _ticks;

    /// <summary>Starts renewing on the timer.</summary>
    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>One round: registration, leases, one adoption. Public for tests that drive it by hand.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await _registry.RenewAsync(Registration, cancellationToken))
            {
                Lose(new WorkerRegistrationLostException(Registration.Id).Message);
                return;
            }

            _book.MarkLost(await _leases.RenewAsync(_book.Snapshot(), cancellationToken));
            _renewedAt = _time.GetTimestamp();
            if (_troubled)
            {
                _troubled = false;
                WorkerLog.ConnectionBack(_logger, 0);
            }

            if (Adopt is { } adopt && await _registry.AdoptAsync(Registration.Id, cancellationToken) is { } dead)
            {
                WorkerLog.Adopting(_logger, dead.Id, Registration.Id);
                try
                {
                    await adopt(dead, cancellationToken);
                    await _registry.SettledAsync(dead, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    WorkerLog.AdoptionFailed(_logger, dead.Id, ex.Message.ReplaceLineEndings(" "));
                }
            }
        }
        catch (Exception ex) when (DatabaseRetry.IsTransient(ex))
        {
            if (!_troubled)
            {
                _troubled = true;
                WorkerLog.ConnectionLost(_logger, ex.Message.ReplaceLineEndings(" "));
            }

            if (_time.GetElapsedTime(_renewedAt) >= _ttl)
            {
                // Not renewed for a whole lease: others may hold these hosts by now.
                _book.MarkAllLost();
            }
        }
        finally
        {
            Interlocked.Increment(ref _ticks);
        }
    }

    /// <summary>Stops renewing (the registration is retired by the session).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }

    private void Lose(string reason)
    {
        WorkerLog.RegistrationLost(_logger, Registration.Id, reason);
        _book.MarkAllLost();
        _lost.Cancel();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_period, _time);
        try
        {
            while (!_lost.IsCancellationRequested && await timer.WaitForNextTickAsync(cancellationToken))
            {
                await TickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
