using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Per-host politeness: while a delay applies (<see cref="PolitenessOptions.MinDelay"/> or the host's Crawl-delay),
/// requests to one host (URL authority) run one at a time with their starts spaced by it; with no delay, up to
/// <see cref="PassOptions.MaxConcurrencyPerHost"/> run at once. A 429/503 puts that host alone into a cooldown.
/// Different hosts never wait for each other. All waiting uses the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class HostGate(
    IOptions<PolitenessOptions> options, IOptions<PassOptions> pass, TimeProvider time, ILogger<HostGate> logger)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly PolitenessOptions _options = options.Value;
    private readonly int _unpacedLimit = Math.Max(1, pass.Value.MaxConcurrencyPerHost);

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
                var limit = host.Spacing > TimeSpan.Zero ? 1 : _unpacedLimit;
                if (wait <= TimeSpan.Zero && host.InFlight < limit)
                {
                    host.InFlight++;
                    return new Lease(host);
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

    /// <summary>Records that an attempt to the host starts now; the next one is spaced from here.</summary>
    public void MarkAttempt(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
            host.LastStart = time.GetUtcNow();
        }
    }

    /// <summary>A normal answer: the next headerless 429/503 starts again from the base cooldown.</summary>
    public void MarkHealthy(Uri url)
    {
        var host = Get(url);
        lock (host.Sync)
        {
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
                cooldown = given;
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
        }

        PolitenessLog.HostCoolingDown(logger, KeyOf(url), cooldown.TotalSeconds);
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
            host.Spacing = spacing;
        }
    }

    private HostState Get(Uri url) => _hosts.GetOrAdd(KeyOf(url), static (_, spacing) => new HostState(spacing), _options.MinDelay);

    private TimeSpan TimeUntilFree(HostState host)
    {
        lock (host.Sync)
        {
            return TimeUntilFreeLocked(host);
        }
    }

    private TimeSpan TimeUntilFreeLocked(HostState host)
    {
        var now = time.GetUtcNow();
        var free = host.LastStart is { } last ? last + host.Spacing : now;
        if (host.CooldownUntil > free)
        {
            free = host.CooldownUntil;
        }

        return free > now ? free - now : TimeSpan.Zero;
    }

    private sealed class Lease(HostState host) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

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
