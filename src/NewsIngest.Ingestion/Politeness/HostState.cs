namespace NewsIngest.Ingestion.Politeness;

/// <summary>The pacing state of one host: a one-at-a-time lock, the last request start and any cooldown.</summary>
internal sealed class HostState(TimeSpan spacing)
{
    /// <summary>Held for a whole request (headers and body), so a host never sees two of ours at once.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>Guards the timing fields below; they are read by the retry delay outside <see cref="Lock"/>.</summary>
    public object Sync { get; } = new();

    public DateTimeOffset? LastStart { get; set; }

    public DateTimeOffset CooldownUntil { get; set; }

    /// <summary>Headerless 429/503 answers in a row; each doubles the next cooldown.</summary>
    public int Strikes { get; set; }

    /// <summary>The least time between two request starts: MinDelay or the (clamped) Crawl-delay.</summary>
    public TimeSpan Spacing { get; set; } = spacing;
}
