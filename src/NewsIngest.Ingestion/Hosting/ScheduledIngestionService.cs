using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Faults;
using NewsIngest.Ingestion.Health;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Scheduling;
using NewsIngest.Ingestion.Workers;

namespace NewsIngest.Ingestion.Hosting;

/// <summary>
/// The <c>run</c> mode worker: opens the runtime and one long-lived frontier, then runs each source on its own
/// schedule (one loop per source, so a source's runs never overlap while sources run side by side); each pass adds its
/// pages to the shared frontier when due and ends, with its summary, when its own pages are done. A failed pass is logged and the source
/// waits for its next occurrence; the host is never taken down by one source. Its loop beats <see cref="WorkerHealth"/>
/// (liveness) and tells it when the runtime is open and when a stop drains it (readiness).
/// </summary>
public sealed class ScheduledIngestionService(
    IngestionRuntimeFactory factory,
    IOptions<NewsIngestOptions> options,
    TimeProvider time,
    ILogger<ScheduledIngestionService> logger,
    WorkerHealth health) : BackgroundService
{
    private int _completedPasses;

    /// <summary>Passes finished so far (all sources).</summary>
    public int CompletedPasses => Volatile.Read(ref _completedPasses);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var draining = stoppingToken.Register(health.MarkDraining);
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var beating = BeatAsync(beat.Token);
        try
        {
            await RunSourcesAsync(stoppingToken);
        }
        finally
        {
            health.MarkEnded();
            await beat.CancelAsync();
            await beating;
        }
    }

    private async Task RunSourcesAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var runtime = await factory.OpenAsync(stoppingToken);
        var workers = runtime.Workers;
        if (workers is not null)
        {
            // Other workers add pages too: look at the shared frontier on a timer even when it is empty.
            workers.Frontier.Continuous = true;
        }

        // A worker whose registration was taken over stops as a stop request would, then reports it.
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, workers?.RegistrationLost ?? CancellationToken.None);
        stoppingToken = lost.Token;
        var schedules = workers is null ? null : new SharedSchedules(workers.Leases.DataSource, workers.Registration.Id);
        // One frontier for every source's passes: they share Pass:MaxConcurrency and each host's turns, and each pass
        // ends with its own pages, whatever another source's slow host still holds.
        await using var frontier = runtime.Pass.Share(stoppingToken);
        health.MarkRunning();
        var zone = NewsIngestOptionsValidator.FindTimeZone(settings.TimeZone);
        // A source's runs never overlap here: its scheduled passes and one taken over from a worker that stopped.
        var turns = settings.Sources.ToDictionary(s => s.Name, _ => new SemaphoreSlim(1, 1), StringComparer.Ordinal);
        List<Task> loops = [.. settings.Sources.Select(source =>
        {
            var text = source.Schedule ?? settings.DefaultSchedule;
            // Validated at start, so parsing cannot fail here.
            Schedule.TryParse(text, zone, out var schedule, out _);
            HostingLog.Scheduled(logger, source.Name, text);
            var loop = new ScheduledLoop(schedule!, time, settings.Pass.RunOnStart);
            return loop.RunAsync(
                async token =>
                {
                    var due = time.GetUtcNow();
                    if (schedules is null || await TryClaimAsync(schedules, workers!, source.Name, schedule!, due, token))
                    {
                        await RunPassAsync(runtime, frontier, source, due, turns[source.Name], schedules, workers, token);
                    }
                },
                stoppingToken);
        })];
        if (schedules is not null)
        {
            loops.Add(TakeOverPassesAsync(runtime, frontier, turns, schedules, workers!, stoppingToken));
        }

        await Task.WhenAll(loops);
        foreach (var turn in turns.Values)
        {
            turn.Dispose();
        }

        if (workers is not null && workers.RegistrationLost.IsCancellationRequested)
        {
            throw new WorkerRegistrationLostException(workers.Registration.Id);
        }
    }

    /// <summary>
    /// One pass of <paramref name="source"/>, after any run of it still going here. With several workers, the claim is
    /// marked read once its source has been read, so no other worker takes it over.
    /// </summary>
    private async Task RunPassAsync(
        IngestionRuntime runtime, SharedFrontier frontier, SourceOptions source, DateTimeOffset due, SemaphoreSlim turn,
        SharedSchedules? schedules, WorkerSession? workers, CancellationToken token)
    {
        try
        {
            await turn.WaitAsync(token);
            try
            {
                Func<CancellationToken, Task>? read = schedules is null
                    ? null
                    : t => workers!.Retry.RunAsync(r => schedules.ReadAsync(source.Name, due, r), t);
                await runtime.Pass.RunAsync([source], frontier, token, read);
                Interlocked.Increment(ref _completedPasses);
            }
            finally
            {
                turn.Release();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            HostingLog.PassCrashed(logger, ex, source.Name);
        }
    }

    /// <summary>
    /// Several workers: every <c>Worker:RenewPeriod</c>, takes over the passes whose claimer stopped before reading
    /// their source (killed, paused past its registration, stopped) and runs them here, so their pages are not left
    /// for the next occurrence.
    /// </summary>
    private async Task TakeOverPassesAsync(
        IngestionRuntime runtime, SharedFrontier frontier, Dictionary<string, SemaphoreSlim> turns, SharedSchedules schedules,
        WorkerSession workers, CancellationToken stoppingToken)
    {
        var sources = options.Value.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var running = new List<Task>();
        using var timer = new PeriodicTimer(options.Value.Worker.EffectiveRenewPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                IReadOnlyList<(string Source, string Claimer, DateTimeOffset Due)> taken;
                try
                {
                    taken = await workers.Retry.RunAsync(t => schedules.TakeOverUnreadAsync(sources.Keys, t), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Not the worker's end: the passes stay unread, and the next tick looks again.
                    WorkerLog.TakeOverFailed(logger, ex.Message.ReplaceLineEndings(" "), options.Value.Worker.EffectiveRenewPeriod);
                    continue;
                }

                foreach (var (source, claimer, due) in taken)
                {
                    WorkerLog.PassTakenOver(logger, source, claimer);
                    running.Add(RunPassAsync(runtime, frontier, sources[source], due, turns[source], schedules, workers, stoppingToken));
                }

                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the passes taken over end as every pass does on a stop.
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// Several workers: the pass due now runs here only if this worker claims it first. A claim that fails (beyond the
    /// retry's transient faults) is logged as the pass's failure, and the source waits for its next occurrence.
    /// </summary>
    private async Task<bool> TryClaimAsync(
        SharedSchedules schedules, WorkerSession workers, string source, Schedule schedule, DateTimeOffset due, CancellationToken token)
    {
        var next = schedule.GetNextOccurrence(due);
        // Workers' occurrences of one schedule lie within half a period of each other: one claim covers them.
        var window = next is { } after && after > due ? (after - due) / 2 : TimeSpan.FromSeconds(1);
        bool claimed;
        string holder;
        try
        {
            (claimed, holder) = await workers.Retry.RunAsync(t => schedules.TryClaimAsync(source, due, window, t), token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            HostingLog.PassCrashed(logger, ex, source);
            return false;
        }

        if (!claimed)
        {
            WorkerLog.PassTakenElsewhere(logger, source, due, holder);
        }
        else
        {
            CrashPoint.Reach(CrashPoint.PassClaimed);
        }

        return claimed;
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(WorkerHealth.BeatInterval, time);
        try
        {
            do
            {
                health.Beat();
            }
            while (await ticks.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping or ended: liveness reads the end from WorkerHealth, not from missing beats.
        }
    }
}
