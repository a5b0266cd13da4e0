namespace NewsIngest.Ingestion.Health;

/// <summary>
/// The <c>run</c> worker's vital signs, for the health endpoint: a heartbeat its loop stamps every
/// <see cref="BeatInterval"/> (liveness), whether its runtime is open, and whether it is draining (readiness).
/// Thread-safe; one per process.
/// </summary>
public sealed class WorkerHealth(TimeProvider time)
{
    /// <summary>How often the worker beats.</summary>
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>Silence after which the worker is not live: six missed beats (a stalled thread pool, a hung loop).</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(30);

    private const int Starting = 0;
    private const int Running = 1;
    private const int Draining = 2;
    private const int Ended = 3;

    private long _lastBeat = time.GetTimestamp();
    private int _state;

    /// <summary>The state, sink and pass are open: pages can be processed.</summary>
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>A stop was requested: in-flight pages are finishing, nothing new starts.</summary>
    public bool IsDraining => Volatile.Read(ref _state) == Draining;

    /// <summary>The worker's loop has returned (stopped or crashed).</summary>
    public bool IsEnded => Volatile.Read(ref _state) == Ended;

    /// <summary>The worker beat within <see cref="MaxSilence"/> and has not ended.</summary>
    public bool IsLive => Volatile.Read(ref _state) != Ended && time.GetElapsedTime(Interlocked.Read(ref _lastBeat)) <= MaxSilence;

    /// <summary>How long since the last beat.</summary>
    public TimeSpan SinceLastBeat => time.GetElapsedTime(Interlocked.Read(ref _lastBeat));

    public void Beat() => Interlocked.Exchange(ref _lastBeat, time.GetTimestamp());

    public void MarkRunning() => Interlocked.CompareExchange(ref _state, Running, Starting);

    public void MarkDraining()
    {
        int state;
        do
        {
            state = Volatile.Read(ref _state);
            if (state is Draining or Ended)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _state, Draining, state) != state);
    }

    public void MarkEnded() => Volatile.Write(ref _state, Ended);
}
