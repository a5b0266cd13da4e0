using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Fetches and caches robots.txt per origin with RFC 9309 semantics: 2xx is parsed (first MaxRobotsBytes); up to
/// five redirects are followed; 4xx (but 429) means allow all; 5xx, 429 or an unreachable host means disallow all for
/// <see cref="PolitenessOptions.RobotsErrorDisallowFor"/>, then it is fetched again. One fetch per origin at a time.
/// When several workers share the state (<see cref="Share"/>), a verdict not held here is asked of the shared one
/// first, and one fetched here is published there at once: one fetch per origin across the workers.
/// </summary>
internal sealed class RobotsCache(
    HopSender hops,
    HostGate gate,
    IOptions<HttpOptions> httpOptions,
    IOptions<PolitenessOptions> politenessOptions,
    TimeProvider time,
    ILogger<RobotsCache> logger) : IRobotsPolicy, IDisposable
{
    private const int MaxRobotsRedirects = 5;
    private readonly Dictionary<string, Task<RobotsEntry>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentQueue<RobotsRecord> _changes = new();
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly PolitenessOptions _options = politenessOptions.Value;
    private int _isDisposed;
    private ISharedRobotsVerdicts? _shared;

    /// <summary>The product token matched against user-agent lines, e.g. <c>NewsIngest</c>.</summary>
    public string ProductToken { get; } = politenessOptions.Value.RobotsProductToken ?? ProductTokenOf(httpOptions.Value.UserAgent);

    public async Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!_options.ObeyRobots)
        {
            return RobotsDecision.Allowed;
        }

        var entry = await GetEntryAsync(url, cancellationToken);
        if (entry.Robots.IsAllowed(ProductToken, url.PathAndQuery))
        {
            return RobotsDecision.Allowed;
        }

        var decision = entry.Reason is null
            ? new RobotsDecision(false, FetchOutcome.RobotsDenied, $"robots.txt disallows {url.AbsolutePath} for {ProductToken}")
            : new RobotsDecision(false, entry.DeniedOutcome, entry.Reason);
        PolitenessLog.RobotsDenied(logger, url, decision.Reason!);
        return decision;
    }

    public async Task<IReadOnlyList<Uri>> GetSitemapsAsync(Uri site, CancellationToken cancellationToken) =>
        (await GetEntryAsync(site, cancellationToken)).Robots.Sitemaps;

    public void Dispose()
    {
        // Registered as itself and as IRobotsPolicy, so the container disposes it twice.
        if (Interlocked.Exchange(ref _isDisposed, 1) == 0)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }
    }

    /// <summary>Takes up the verdicts a previous process fetched and that still hold: robots.txt is not fetched again.</summary>
    public void Restore(IEnumerable<RobotsRecord> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var now = time.GetUtcNow();
        lock (_sync)
        {
            foreach (var record in saved)
            {
                if (record.ExpiresAt > now && !_entries.ContainsKey(record.Origin) && EntryOf(record) is { } entry)
                {
                    _entries[record.Origin] = Task.FromResult(entry);
                }
            }
        }
    }

    /// <summary>Verdicts are looked up in, and published to, <paramref name="verdicts"/> from now on (several workers).</summary>
    public void Share(ISharedRobotsVerdicts verdicts) => Volatile.Write(ref _shared, verdicts);

    /// <summary>The verdicts fetched since the last call, as records to save.</summary>
    public IReadOnlyList<RobotsRecord> TakeChanges()
    {
        var changes = new List<RobotsRecord>();
        while (_changes.TryDequeue(out var record))
        {
            changes.Add(record);
        }

        return changes;
    }

    /// <summary>The token of a User-Agent: its leading letters, '_' and '-' ("NewsIngest/1.0 (...)" → "NewsIngest").</summary>
    internal static string ProductTokenOf(string userAgent) =>
        new([.. userAgent.TakeWhile(c => char.IsAsciiLetter(c) || c is '_' or '-')]);

    private Task<RobotsEntry> GetEntryAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        Task<RobotsEntry>? task;
        lock (_sync)
        {
            if (!_entries.TryGetValue(origin, out task) || IsStale(task))
            {
                // The shared fetch is not tied to the first caller's token: another caller may still want it.
                task = LoadAsync(new Uri(origin + "/robots.txt"), _disposed.Token);
                _entries[origin] = task;
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    private bool IsStale(Task<RobotsEntry> task) =>
        task.IsCompleted && (!task.IsCompletedSuccessfully || task.Result.ExpiresAt <= time.GetUtcNow());

    /// <summary>A kept verdict as the cache holds it; null when its origin is not an absolute URI.</summary>
    private static RobotsEntry? EntryOf(RobotsRecord record)
    {
        if (!Uri.TryCreate(record.Origin, UriKind.Absolute, out var origin))
        {
            return null;
        }

        var robots = record.Text is { } text ? RobotsTxt.Parse(text, new Uri(origin, "/robots.txt"))
            : record.DisallowAll ? RobotsTxt.DisallowAll : RobotsTxt.AllowAll;
        var outcome = Enum.TryParse<FetchOutcome>(record.DeniedOutcome, out var parsed) ? parsed : FetchOutcome.RobotsDenied;
        return new RobotsEntry(robots, record.ExpiresAt, outcome, record.Reason, record.Text);
    }

    private async Task<RobotsEntry> LoadAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var shared = Volatile.Read(ref _shared);
        if (shared is not null && await FindSharedAsync(shared, robotsUrl, cancellationToken) is { } known)
        {
            return known;
        }

        var entry = await FetchAsync(robotsUrl, cancellationToken);
        gate.SetCrawlDelay(robotsUrl, entry.Robots.GetCrawlDelay(ProductToken));
        var record = new RobotsRecord
        {
            Origin = robotsUrl.GetLeftPart(UriPartial.Authority),
            Text = entry.Text,
            DisallowAll = entry.Text is null && !entry.Robots.IsAllowed(ProductToken, "/"),
            ExpiresAt = entry.ExpiresAt,
            DeniedOutcome = entry.DeniedOutcome.ToString(),
            Reason = entry.Reason,
        };
        if (shared is null || !await PublishSharedAsync(shared, record, cancellationToken))
        {
            _changes.Enqueue(record); // saved with the next batch of host state
        }

        PolitenessLog.RobotsFetched(logger, record.Origin, entry.Reason ?? "ok", entry.ExpiresAt);
        return entry;
    }

    /// <summary>The verdict another worker fetched for this origin, if one holds; a failed lookup means fetching it here.</summary>
    private async Task<RobotsEntry?> FindSharedAsync(ISharedRobotsVerdicts shared, Uri robotsUrl, CancellationToken cancellationToken)
    {
        var origin = robotsUrl.GetLeftPart(UriPartial.Authority);
        try
        {
            if (await shared.FindRobotsAsync(origin, cancellationToken) is { } record && record.ExpiresAt > time.GetUtcNow()
                && EntryOf(record) is { } entry)
            {
                gate.SetCrawlDelay(robotsUrl, entry.Robots.GetCrawlDelay(ProductToken));
                PolitenessLog.RobotsShared(logger, origin, entry.ExpiresAt);
                return entry;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PolitenessLog.RobotsSharingFailed(logger, origin, ex.Message.ReplaceLineEndings(" "));
        }

        return null;
    }

    /// <summary>Publishes a verdict fetched here; false when that failed (it is then saved with the next batch).</summary>
    private async Task<bool> PublishSharedAsync(ISharedRobotsVerdicts shared, RobotsRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await shared.PublishRobotsAsync(record, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PolitenessLog.RobotsSharingFailed(logger, record.Origin, ex.Message.ReplaceLineEndings(" "));
            return false;
        }
    }

    private async Task<RobotsEntry> FetchAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        var url = robotsUrl;
        RobotsEntry entry = Allow(RobotsTxt.AllowAll); // more than five redirects: unavailable, i.e. allow all
        for (var hop = 0; hop <= MaxRobotsRedirects; hop++)
        {
            var sent = await hops.SendAsync(url, new FetchRequest(url, Kind: ResourceKind.Robots), _options.MaxRobotsBytes, cancellationToken);
            if (sent.RedirectTo is { } next)
            {
                if (next.Scheme is not ("http" or "https"))
                {
                    break;
                }

                url = next;
                continue;
            }

            entry = Interpret(sent.Result, robotsUrl);
            break;
        }

        return entry;
    }

    private RobotsEntry Interpret(FetchResult result, Uri robotsUrl)
    {
        switch (result.Outcome)
        {
            case FetchOutcome.Ok:
                var text = Decode(result);
                return Allow(RobotsTxt.Parse(text, robotsUrl)) with { Text = text };
            case FetchOutcome.HttpError when result.StatusCode is >= 400 and < 500 and not (int)HttpStatusCode.TooManyRequests:
                return Allow(RobotsTxt.AllowAll);
            case FetchOutcome.HttpError:
                return Deny(FetchOutcome.RobotsUnavailable, $"robots.txt answered {result.Error}");
            case FetchOutcome.Timeout or FetchOutcome.CircuitOpen:
                return Deny(FetchOutcome.RobotsUnavailable, $"robots.txt unreachable: {result.Error ?? result.Outcome.ToString()}");
            default:
                return Deny(result.Outcome, $"robots.txt unreachable: {result.Error ?? result.Outcome.ToString()}");
        }

        RobotsEntry Deny(FetchOutcome outcome, string reason)
        {
            var until = time.GetUtcNow() + _options.RobotsErrorDisallowFor;
            return new RobotsEntry(RobotsTxt.DisallowAll, until, outcome, $"{reason}; {robotsUrl.Authority} treated as disallowed until {until:u}");
        }
    }

    private RobotsEntry Allow(RobotsTxt robots) => new(robots, time.GetUtcNow() + _options.RobotsCacheTtl);

    /// <summary>robots.txt is UTF-8 (RFC 9309); a cut body drops its last, possibly partial, line.</summary>
    private static string Decode(FetchResult result)
    {
        var text = new UTF8Encoding(false, false).GetString(result.Body);
        return result.Truncated && text.LastIndexOf('\n') is var end and >= 0 ? text[..end] : text;
    }
}
