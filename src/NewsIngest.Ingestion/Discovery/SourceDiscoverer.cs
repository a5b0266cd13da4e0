using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery.Autodiscovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Discovery.Feeds;
using NewsIngest.Ingestion.Discovery.Selection;
using NewsIngest.Ingestion.Discovery.Sitemaps;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// Discovers a source's articles from its <c>Feeds</c>, <c>Sitemaps</c> and <c>Site</c> (its <c>Urls</c> are the
/// host's business): every feed and sitemap is read through the polite fetcher with a conditional GET and its own
/// back-off, the articles are canonicalized and merged (one entry per article, hints combined), filtered by
/// include/exclude patterns and <c>MaxAge</c>, ordered newest first and capped at <c>MaxItemsPerPass</c>.
/// A failing feed or sitemap is a problem line prefixed with the source name, never an exception.
/// </summary>
public sealed class SourceDiscoverer : IArticleDiscoverer
{
    private readonly DiscoveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SourceDiscoverer> _logger;
    private readonly FeedReader _feeds;
    private readonly SitemapReader _sitemaps;
    private readonly SiteAutodiscoverer _site;

    public SourceDiscoverer(
        IPageFetcher fetcher,
        IDiscoveryCache cache,
        IOptions<DiscoveryOptions> options,
        TimeProvider time,
        ILogger<SourceDiscoverer> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var tracker = new ResourceTracker(fetcher, cache, time, _options);
        _feeds = new FeedReader(tracker, _options);
        _sitemaps = new SitemapReader(tracker, _options);
        _site = new SiteAutodiscoverer(fetcher, cache, time, _options);
    }

    public async Task<DiscoveryResult> DiscoverAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<string>();
        var filter = SourceFilter.TryCreate(source.Include, source.Exclude, _options.PatternTimeout, out var patternError);
        if (filter is null)
        {
            // A bad pattern is a configuration error: selecting everything instead would surprise more.
            return Finish([], [patternError!]);
        }

        var feeds = Resolve(source.Feeds, "feed", problems);
        var sitemaps = Resolve(source.Sitemaps, "sitemap", problems);
        if (!string.IsNullOrWhiteSpace(source.Site))
        {
            var endpoints = await Guard(() => _site.DiscoverAsync(source.Site, problems, cancellationToken), $"site {source.Site}", problems);
            AddNew(feeds, Resolve(endpoints?.Feeds ?? [], "feed", problems));
            AddNew(sitemaps, Resolve(endpoints?.Sitemaps ?? [], "sitemap", problems));
        }

        var found = new DiscoveredUrlSet();
        foreach (var feed in feeds)
        {
            await Guard(async () => { await _feeds.ReadAsync(feed, found, problems, cancellationToken); return true; }, $"feed {feed}", problems);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sitemap in sitemaps)
        {
            await Guard(async () => { await _sitemaps.ReadAsync(sitemap, found, problems, visited, cancellationToken); return true; }, $"sitemap {sitemap}", problems);
        }

        var selected = found.Select(_time.GetUtcNow(), source.MaxAge, source.MaxItemsPerPass, filter);
        if (filter.TimedOut > 0)
        {
            problems.Add(DiscoveryWarning.Of($"{filter.TimedOut} URL(s) left out: an include/exclude pattern timed out on them"));
        }

        if (feeds.Count + sitemaps.Count > 0 || !string.IsNullOrWhiteSpace(source.Site))
        {
            // A source of plain URLs discovers nothing here: its pages are counted by the pass, not logged as "0 found".
            DiscoveryLog.Discovered(_logger, source.Name, found.Count, selected.Count, feeds.Count, sitemaps.Count, problems.Count);
        }

        return Finish(selected, problems);
    }

    // The pass names the source and logs each problem once; a discoverer only reports them.
    private static DiscoveryResult Finish(IReadOnlyList<DiscoveredUrl> urls, List<string> problems) => new(urls, problems);

    // One feed, sitemap or site must never take the others down: a bug or I/O fault in one is reported and the pass
    // moves on. Cancellation still propagates.
    private static async Task<T?> Guard<T>(Func<Task<T>> action, string what, List<string> problems)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add($"{what}: unexpected {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return default;
        }
    }

    private static List<Uri> Resolve(IEnumerable<string> urls, string kind, List<string> problems)
    {
        var resolved = new List<Uri>();
        foreach (var text in urls)
        {
            if (UrlCanonicalizer.TryCanonicalize(text) is { } url)
            {
                AddNew(resolved, [url]);
            }
            else
            {
                problems.Add($"{kind} '{text}' is not an absolute http(s) URL");
            }
        }

        return resolved;
    }

    private static void AddNew(List<Uri> into, IEnumerable<Uri> urls)
    {
        foreach (var url in urls)
        {
            if (!into.Contains(url))
            {
                into.Add(url);
            }
        }
    }
}
