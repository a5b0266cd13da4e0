namespace NewsIngest.Ingestion.Politeness;

/// <summary>The pacing state of one host: requests in flight, the last request start and any cooldown.</summary>
internal sealed class HostState(TimeSpan spacing)
{
    /// <summary>Guards every field below; the timing fields are also read by the retry delay.</summary>
    public object Sync { get; } = new();

    /// <summary>Requests holding a lease (headers and body), at most one while a delay applies.</summary>
    public int InFlight { get; set; }

    /// <summary>Completed (and replaced) whenever a lease is released, to wake the requests waiting for a slot.</summary>
    public TaskCompletionSource Released { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset? LastStart { get; set; }

    /// <summary>When the last request ended (its answer came, or its body was read): the spacing counts from here.</summary>
    public DateTimeOffset? LastEnd { get; set; }

    public DateTimeOffset CooldownUntil { get; set; }

    /// <summary>Headerless 429/503 answers in a row; each doubles the next cooldown.</summary>
    public int Strikes { get; set; }

    /// <summary>The host's robots.txt Crawl-delay (clamped), when it gives one; kept in the state.</summary>
    public TimeSpan? CrawlDelay { get; set; }

    /// <summary>Something the state keeps changed since the last save (see <see cref="HostGate.TakeChanges"/>).</summary>
    public bool Changed { get; set; }

    /// <summary>The least time from the end of one request to the start of the next: MinDelay or the (clamped) Crawl-delay.</summary>
    public TimeSpan Spacing { get; set; } = spacing;
}
