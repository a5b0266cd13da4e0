using System.Globalization;
using NewsIngest.Ingestion.Discovery.Feeds;
using NewsIngest.Ingestion.Discovery.Selection;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery.Sitemaps;

/// <summary>
/// Reads one sitemap or sitemap index for a pass, following nested indexes up to a depth cap and within a per-source
/// budget of documents, each through the tracked fetch (conditional GET, back-off). Failures become problem lines.
/// </summary>
internal sealed class SitemapReader(ResourceTracker tracker, DiscoveryOptions options)
{
    /// <summary>Reads <paramref name="sitemapUrl"/> and what it points to. <paramref name="visited"/> spans the
    /// source's pass so a sitemap listed twice (or an index loop) is read once.</summary>
    public async Task ReadAsync(
        Uri sitemapUrl,
        DiscoveredUrlSet into,
        List<string> problems,
        HashSet<string> visited,
        CancellationToken cancellationToken) =>
        await ReadAsync(sitemapUrl, 1, into, problems, visited, cancellationToken);

    private async Task ReadAsync(
        Uri sitemapUrl,
        int depth,
        DiscoveredUrlSet into,
        List<string> problems,
        HashSet<string> visited,
        CancellationToken cancellationToken)
    {
        if (!visited.Add(sitemapUrl.AbsoluteUri))
        {
            return;
        }

        if (visited.Count > options.MaxSitemapsPerSource)
        {
            problems.Add(DiscoveryWarning.Of($"sitemap {sitemapUrl}: not read, over the {options.MaxSitemapsPerSource}-sitemap budget per source"));
            return;
        }

        var (items, children) = await ReadOneAsync(sitemapUrl, problems, cancellationToken);
        into.AddRange(items);
        foreach (var child in children)
        {
            if (depth >= options.MaxSitemapDepth)
            {
                problems.Add(DiscoveryWarning.Of($"sitemap {sitemapUrl}: {children.Count} nested sitemap(s) not read, depth cap {options.MaxSitemapDepth}"));
                break;
            }

            if (UrlCanonicalizer.TryCanonicalize(child, sitemapUrl) is { } childUrl)
            {
                await ReadAsync(childUrl, depth + 1, into, problems, visited, cancellationToken);
            }
        }
    }

    private async Task<(IReadOnlyList<DiscoveredUrl> Items, IReadOnlyList<string> Children)> ReadOneAsync(
        Uri sitemapUrl,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var fetch = await tracker.FetchAsync(sitemapUrl, ResourceKind.Sitemap, cancellationToken);
        switch (fetch.Status)
        {
            case ResourceFetchStatus.BackingOff:
                problems.Add($"sitemap {sitemapUrl}: {fetch.Error}");
                return ([], []);
            case ResourceFetchStatus.NotModified:
                var items = fetch.Previous?.Items ?? [];
                var children = fetch.Previous?.Children ?? [];
                await tracker.RecordSuccessAsync(fetch, items, children, cancellationToken);
                return (items, children);
            case ResourceFetchStatus.Failed:
                await FailAsync(fetch, fetch.Error!, problems, cancellationToken);
                return ([], []);
            default:
                break;
        }

        var result = fetch.Result!;
        var document = SitemapParser.Parse(result.Body, options.MaxUrlsPerSitemap, options.MaxDecompressedBytes);
        if (document.Error is not null && document.Entries.Count == 0 && document.Sitemaps.Count == 0)
        {
            await FailAsync(fetch, $"malformed sitemap: {document.Error}", problems, cancellationToken);
            return ([], []);
        }

        var baseUrl = result.FinalUrl ?? sitemapUrl;
        var urls = new List<DiscoveredUrl>(document.Entries.Count);
        var skipped = document.SkippedEntries;
        foreach (var entry in document.Entries)
        {
            if (ToDiscovered(entry, baseUrl, sitemapUrl) is { } url)
            {
                urls.Add(url);
            }
            else
            {
                skipped++;
            }
        }

        if (document.Error is not null)
        {
            problems.Add(DiscoveryWarning.Of($"sitemap {sitemapUrl}: read {urls.Count + document.Sitemaps.Count} location(s), then stopped: {document.Error}"));
        }

        if (skipped > 0)
        {
            problems.Add(DiscoveryWarning.Of($"sitemap {sitemapUrl}: skipped {skipped} malformed entr(ies) (no usable loc)"));
        }

        if (document.Capped)
        {
            problems.Add(DiscoveryWarning.Of($"sitemap {sitemapUrl}: stopped at the {options.MaxUrlsPerSitemap}-URL cap"));
        }

        await tracker.RecordSuccessAsync(fetch, urls, document.Sitemaps, cancellationToken);
        return (urls, document.Sitemaps);
    }

    private async Task FailAsync(ResourceFetch fetch, string error, List<string> problems, CancellationToken cancellationToken)
    {
        var next = await tracker.RecordFailureAsync(fetch, error, cancellationToken);
        problems.Add($"sitemap {fetch.Url}: {error}; next attempt after {next:u}");
    }

    private static DiscoveredUrl? ToDiscovered(SitemapEntry entry, Uri baseUrl, Uri sitemapUrl)
    {
        var url = UrlCanonicalizer.TryCanonicalize(entry.Location, baseUrl);
        if (url is null)
        {
            return null;
        }

        var hints = new Dictionary<string, string>(StringComparer.Ordinal) { [HintKeys.Sitemap] = sitemapUrl.AbsoluteUri };
        FeedReader.Put(hints, HintKeys.Title, entry.Title);
        FeedReader.Put(hints, HintKeys.Language, entry.Language);
        FeedReader.Put(hints, HintKeys.Publication, entry.Publication);
        FeedReader.Put(hints, HintKeys.PublishedAt, entry.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
        FeedReader.Put(hints, HintKeys.LastModified, entry.LastModified?.ToString("O", CultureInfo.InvariantCulture));
        // Order by the publication date when the news extension gives one, else by lastmod.
        return new DiscoveredUrl(url, entry.PublishedAt ?? entry.LastModified, hints);
    }
}
