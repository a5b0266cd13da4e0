namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// What the frontier asks politeness about a host: when it may be sent its next request and how many it takes at
/// once. The politeness layer (MinDelay, Crawl-delay, 429/503 cooldown, Retry-After) computes both; the frontier keeps
/// no clock of its own.
/// </summary>
public interface IHostPacing
{
    /// <summary>
    /// How long until a request to the host of <paramref name="url"/> may start (zero: now). While the host already
    /// has as many requests open as it takes, at least its spacing.
    /// </summary>
    TimeSpan TimeUntilReady(Uri url);

    /// <summary>Requests the host takes at once: one while a delay applies, else <c>Pass:MaxConcurrencyPerHost</c>.</summary>
    int ConcurrencyOf(Uri url);

    /// <summary>Hosts whose cooldown (after 429/503, or Retry-After) has not ended yet; for the metrics.</summary>
    int HostsInCooldown { get; }
}
