namespace NewsIngest.Ingestion.Scheduling;

/// <summary>
/// Runs a job on a <see cref="Schedule"/> until stopped: optionally once at start, then at each next occurrence
/// computed after the previous run ended, so runs of one job never overlap (a run that overshoots skips the
/// occurrences it missed). Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ScheduledLoop(Schedule schedule, TimeProvider time, bool runOnStart)
{
    /// <summary>Runs <paramref name="job"/> until <paramref name="stopToken"/> fires; returns the number of runs.</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task> job, CancellationToken stopToken)
    {
        var runs = 0;
        try
        {
            if (runOnStart)
            {
                await job(stopToken);
                runs++;
            }

            while (!stopToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (schedule.GetNextOccurrence(now) is not { } next)
                {
                    break;
                }

                if (next > now)
                {
                    await Task.Delay(next - now, time, stopToken);
                }

                await job(stopToken);
                runs++;
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            // Stopping: the job in flight has already had its chance to finish.
        }

        return runs;
    }
}
