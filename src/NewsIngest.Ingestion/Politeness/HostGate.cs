using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Frontier;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Per-host politeness: while a delay applies (<see cref="PolitenessOptions.MinDelay"/> or the host's Crawl-delay),
/// requests to one host (URL authority) run one at a time, and the next one starts that long after the previous one
/// ended (its response read, or its failed attempt answered), so two starts are never closer than the delay, even as
/// the server sees them; with no delay, up to <see cref="PassOptions.MaxConcurrencyPerHost"/> run at once. A 429/503
/// puts that host alone into a cooldown. Different hosts never wait for each other. All waiting uses the injected
/// <see cref="TimeProvider"/>. It is also the frontier's <see cref="IHostPacing"/>: the dispatcher asks it when a host
/// is free rather than keeping a second clock.
/// </summary>
internal sealed class HostGate(
    IOptions<PolitenessOptions> options, IOptions<PassOptions> pass, TimeProvider time, ILogger<HostGate> logger) : IHostPacing
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly PolitenessOptions _options = options.Value;
    private readonly int _unpacedLimit = Math.Max(1, pass.Value.MaxConcurrencyPerHost);

    /// <summary>A host was put into a cooldown (the host state saver saves it at once rather than at its next interval).</summary>
    public event Action? CooldownStarted;

    /// <summary>The pacing key of a URL: its authority (host and non-default port), so http and https share it.</summary>
    public static string KeyOf(Uri url) => url.Authority;

    /// <summary>Waits for a free slot on the host and its next allowed start; dispose the lease when the response is read.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = Get(url);
        while (true)
        {
            Task released;
            TimeSpan wait;
            lock (host.Sync)
            {
                // Loop: a cooldown may be extended (by a concurrent robots.txt fetch) while we wait.
                wait = TimeUntilFreeLocked(host);
                var limit = LimitOf(host);
                if (wait <= TimeSpan.Zero && host.InFlight < limit)
                {
                    host.InFlight++;
                    return new Lease(this, host);
                }

                released = host.Released.Task;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            else
            {
                await released.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>How long until the host may be sent the next request (spacing and cooldown), zero if now.</summary>
    public TimeSpan TimeUntilFree(Uri url) => TimeUntilFree(Get(url));

    /// <summary>The spacing between two requests to the host of <paramref name="url"/> (MinDelay or its Crawl-delay).</summary>
    public TimeSpan SpacingOf(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            return host.Spacing;
        }
    }

    /// <summary>Records that an attempt to the host starts now; until it ends, the next one is spaced from here.</summary>
    public void MarkAttempt(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            host.LastStart = time.GetUtcNow();
        }
    }

    /// <summary>Records that an attempt to the host has its answer (or failed); the next start is spaced from here.</summary>
    public void MarkAttemptEnded(Uri url) => MarkEnded(Get(url));

    /// <inheritdoc />
    public TimeSpan TimeUntilReady(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            var wait = TimeUntilFreeLocked(host);
            // A request of its own holds the host (a feed read, a robots.txt fetch): it ends no sooner than now, and
            // the next start comes a spacing after that.
            return host.InFlight >= LimitOf(host) && host.Spacing > wait ? host.Spacing : wait;
        }
    }

    /// <inheritdoc />
    public int HostsInCooldown
    {
        get
        {
            var now = time.GetUtcNow();
            return _hosts.Values.Count(host => host.CooldownUntil > now);
        }
    }

    /// <inheritdoc />
    public int ConcurrencyOf(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            return LimitOf(host);
        }
    }

    /// <summary>A normal answer: the next headerless 429/503 starts again from the base cooldown.</summary>
    public void MarkHealthy(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            host.Changed |= host.Strikes != 0;
            host.Strikes = 0;
        }
    }

    /// <summary>
    /// Puts the host into a cooldown after a 429/503: <paramref name="retryAfter"/> when the server gave one, else
    /// <see cref="PolitenessOptions.CooldownBase"/> doubled per answer in a row, capped at MaxCooldown.
    /// </summary>
    /// <returns>The cooldown applied.</returns>
    public TimeSpan CoolDown(Uri url, TimeSpan? retryAfter)
    {
        var host = Get(url);
        TimeSpan cooldown;
        lock (host.Sync)
        {
            if (retryAfter is { } given)
            {
                cooldown = given < _options.MaxCooldown ? given : _options.MaxCooldown;
            }
            else
            {
                var factor = Math.Pow(2, Math.Min(host.Strikes++, 30));
                cooldown = TimeSpan.FromTicks((long)Math.Min(_options.CooldownBase.Ticks * factor, _options.MaxCooldown.Ticks));
            }

            var until = time.GetUtcNow() + cooldown;
            if (until > host.CooldownUntil)
            {
                host.CooldownUntil = until;
            }

            host.Changed = true;
        }

        PolitenessLog.HostCoolingDown(logger, KeyOf(url), cooldown.TotalSeconds);
        CooldownStarted?.Invoke();
        return cooldown;
    }

    /// <summary>Applies a robots.txt Crawl-delay (clamped to MaxCrawlDelay, never below MinDelay) to the host.</summary>
    public void SetCrawlDelay(Uri url, TimeSpan? crawlDelay)
    {
        var spacing = _options.MinDelay;
        if (crawlDelay is { } delay)
        {
            if (delay > _options.MaxCrawlDelay)
            {
                PolitenessLog.CrawlDelayClamped(logger, KeyOf(url), delay.TotalSeconds, _options.MaxCrawlDelay.TotalSeconds);
                delay = _options.MaxCrawlDelay;
            }

            spacing = delay > spacing ? delay : spacing;
        }

        var host = Get(url);
        lock (host.Sync)
        {
            host.Changed |= host.Spacing != spacing;
            host.Spacing = spacing;
            host.CrawlDelay = crawlDelay is { } given && given > _options.MaxCrawlDelay ? _options.MaxCrawlDelay : crawlDelay;
        }
    }

    /// <summary>
    /// Takes up what the state keeps of hosts a previous process paced: the end of their last request, their
    /// Crawl-delay, cooldown and failure streak, so spacing and cooldowns hold across restarts.
    /// </summary>
    public void Restore(IEnumerable<HostRecord> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        foreach (var record in saved)
        {
            var host = _hosts.GetOrAdd(record.Host, static (_, spacing) => new HostState(spacing), _options.MinDelay);
            lock (host.Sync)
            {
                host.LastEnd = Later(host.LastEnd, record.LastRequestAt);
                host.CooldownUntil = Later(host.CooldownUntil, record.CooldownUntil) ?? default;
                host.Strikes = Math.Max(host.Strikes, record.FailureStreak);
                if (record.CrawlDelay is { } delay)
                {
                    var clamped = delay > _options.MaxCrawlDelay ? _options.MaxCrawlDelay : delay;
                    host.CrawlDelay = clamped;
                    host.Spacing = clamped > _options.MinDelay ? clamped : _options.MinDelay;
                }
            }
        }
    }

    /// <summary>The hosts whose kept state changed since the last call, as records to save.</summary>
    public IReadOnlyList<HostRecord> TakeChanges()
    {
        var now = time.GetUtcNow();
        var changes = new List<HostRecord>();
        foreach (var (key, host) in _hosts)
        {
            lock (host.Sync)
            {
                if (!host.Changed)
                {
                    continue;
                }

                host.Changed = false;
                changes.Add(new HostRecord
                {
                    Host = key,
                    LastRequestAt = host.LastEnd,
                    CrawlDelay = host.CrawlDelay,
                    CooldownUntil = host.CooldownUntil == default ? null : host.CooldownUntil,
                    FailureStreak = host.Strikes,
                    UpdatedAt = now,
                });
            }
        }

        return changes;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private HostState Get(Uri url) => _hosts.GetOrAdd(KeyOf(url), static (_, spacing) => new HostState(spacing), _options.MinDelay);

    private TimeSpan TimeUntilFree(HostState host)
    {
        lock (host.Sync)
        {
            return TimeUntilFreeLocked(host);
        }
    }

    private int LimitOf(HostState host) => host.Spacing > TimeSpan.Zero ? 1 : _unpacedLimit;

    private void MarkEnded(HostState host)
    {
        lock (host.Sync)
        {
            var now = time.GetUtcNow();
            if (host.LastEnd is not { } end || now > end)
            {
                host.LastEnd = now;
                host.Changed = true;
            }
        }
    }

    private TimeSpan TimeUntilFreeLocked(HostState host)
    {
        var now = time.GetUtcNow();
        // From the later of the last start and the last end: while an attempt is open its start counts, once it has
        // ended its end does.
        var last = host.LastEnd is { } end && (host.LastStart is not { } begun || end > begun) ? end : host.LastStart;
        var free = last is { } from ? from + host.Spacing : now;
        if (host.CooldownUntil > free)
        {
            free = host.CooldownUntil;
        }

        return free > now ? free - now : TimeSpan.Zero;
    }

    private sealed class Lease(HostGate gate, HostState host) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            // The body is read: the request has ended now, later than its headers did.
            gate.MarkEnded(host);
            TaskCompletionSource released;
            lock (host.Sync)
            {
                host.InFlight--;
                released = host.Released;
                host.Released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            released.TrySetResult();
        }
    }
}
