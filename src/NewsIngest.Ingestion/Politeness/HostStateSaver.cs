using Microsoft.Extensions.Logging;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Keeps politeness' state (host pacing, cooldowns, failure streaks, robots.txt verdicts) in an
/// <see cref="IHostStateStore"/>: read once at start, then the changes saved every <see cref="Interval"/> in one
/// transaction (whatever the number of requests; no fsync of its own), at once when a host's cooldown starts, and once
/// more when disposed (the end of <c>once</c>, a stop of <c>run</c>, SIGTERM included). A kill loses at most the last
/// interval's pacing (request ends), never a cooldown that had started; a failed save is logged and its records are
/// saved with the next changes.
/// </summary>
public sealed class HostStateSaver : IAsyncDisposable
{
    /// <summary>How often changes are saved while a process runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly IPolitenessMemory _memory;
    private readonly IHostStateStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PolitenessSnapshot> _unsaved = [];
    private TaskCompletionSource _urgent = NewSignal();
    private Task _loop = Task.CompletedTask;

    private HostStateSaver(IPolitenessMemory memory, IHostStateStore store, ILogger logger)
    {
        _memory = memory;
        _store = store;
        _logger = logger;
        _memory.Urgent += OnUrgent;
    }

    /// <summary>Each saved batch, as it was written (tests).</summary>
    internal event Action<PolitenessSnapshot>? Saved;

    /// <summary>Restores what <paramref name="store"/> kept into <paramref name="memory"/> and starts saving its changes.</summary>
    public static async Task<HostStateSaver> StartAsync(
        IPolitenessMemory memory, IHostStateStore store, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(store);
        var saved = await store.LoadPolitenessAsync(cancellationToken);
        memory.Restore(saved);
        if (!saved.IsEmpty)
        {
            PolitenessLog.HostStateRestored(logger, saved.Hosts.Count, saved.Robots.Count);
        }

        var saver = new HostStateSaver(memory, store, logger);
        saver._loop = saver.RunAsync(time);
        return saver;
    }

    /// <summary>Saves what changed now.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            var changes = _memory.TakeChanges();
            if (!changes.IsEmpty)
            {
                _unsaved.Add(changes);
            }

            if (_unsaved.Count == 0)
            {
                return;
            }

            // Older changes first, in one transaction: a host's newer record replaces its older one.
            var all = new PolitenessSnapshot([.. _unsaved.SelectMany(c => c.Hosts)], [.. _unsaved.SelectMany(c => c.Robots)]);
            await _store.SavePolitenessAsync(all, cancellationToken);
            _unsaved.Clear();
            Saved?.Invoke(all);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PolitenessLog.HostStateNotSaved(_logger, ex.Message);
        }
        finally
        {
            _saving.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _memory.Urgent -= OnUrgent;
        await _stop.CancelAsync();
        await _loop;
        await SaveAsync(CancellationToken.None);
        _stop.Dispose();
        _saving.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnUrgent() => Volatile.Read(ref _urgent).TrySetResult();

    /// <summary>Saves every <see cref="Interval"/>, or sooner when an urgent change comes (several coalesce into one save).</summary>
    private async Task RunAsync(TimeProvider time)
    {
        try
        {
            while (true)
            {
                var urgent = Volatile.Read(ref _urgent).Task;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    await Task.WhenAny(Task.Delay(Interval, time, wait.Token), urgent);
                    await wait.CancelAsync();
                }

                _stop.Token.ThrowIfCancellationRequested();
                if (urgent.IsCompleted)
                {
                    Interlocked.Exchange(ref _urgent, NewSignal());
                }

                await SaveAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the last save follows.
        }
    }
}
