using System.Globalization;
using NewsIngest.Ingestion.Discovery.Selection;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>
/// Reads one feed for a pass: tracked fetch, parse, items to canonical <see cref="DiscoveredUrl"/>s with hints.
/// Every failure becomes a problem line; nothing here throws except cancellation.
/// </summary>
internal sealed class FeedReader(ResourceTracker tracker, DiscoveryOptions options)
{
    public async Task ReadAsync(Uri feedUrl, DiscoveredUrlSet into, List<string> problems, CancellationToken cancellationToken)
    {
        var fetch = await tracker.FetchAsync(feedUrl, ResourceKind.Feed, cancellationToken);
        switch (fetch.Status)
        {
            case ResourceFetchStatus.BackingOff:
                problems.Add($"feed {feedUrl}: {fetch.Error}");
                return;
            case ResourceFetchStatus.NotModified:
                into.AddRange(fetch.Previous?.Items ?? []);
                await tracker.RecordSuccessAsync(fetch, fetch.Previous?.Items ?? [], [], cancellationToken);
                return;
            case ResourceFetchStatus.Failed:
                await FailAsync(fetch, fetch.Error!, problems, cancellationToken);
                return;
            default:
                break;
        }

        var result = fetch.Result!;
        var limits = new FeedLimits(options.MaxItemsPerFeed, options.MaxDecompressedBytes, options.MaxSummaryLength);
        var document = FeedParser.Parse(result.Body, limits);
        if (document.Error is not null && document.Items.Count == 0)
        {
            await FailAsync(fetch, $"malformed feed: {document.Error}", problems, cancellationToken);
            return;
        }

        var baseUrl = result.FinalUrl ?? feedUrl;
        var urls = new List<DiscoveredUrl>(document.Items.Count);
        var skipped = document.SkippedItems;
        foreach (var item in document.Items)
        {
            if (ToDiscovered(item, baseUrl, feedUrl) is { } url)
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
            problems.Add(DiscoveryWarning.Of($"feed {feedUrl}: read {urls.Count} item(s), then stopped: {document.Error}"));
        }

        if (skipped > 0)
        {
            problems.Add(DiscoveryWarning.Of($"feed {feedUrl}: skipped {skipped} malformed item(s) (no usable link)"));
        }

        if (document.UnreadableDates > 0)
        {
            problems.Add(DiscoveryWarning.Of($"feed {feedUrl}: {document.UnreadableDates} item date(s) unreadable, kept as undated"));
        }

        if (result.Truncated)
        {
            problems.Add(DiscoveryWarning.Of($"feed {feedUrl}: body cut at the fetcher's size cap"));
        }

        into.AddRange(urls);
        await tracker.RecordSuccessAsync(fetch, urls, [], cancellationToken);
    }

    private async Task FailAsync(ResourceFetch fetch, string error, List<string> problems, CancellationToken cancellationToken)
    {
        var next = await tracker.RecordFailureAsync(fetch, error, cancellationToken);
        problems.Add($"feed {fetch.Url}: {error}; next attempt after {next:u}");
    }

    private static DiscoveredUrl? ToDiscovered(FeedItem item, Uri baseUrl, Uri feedUrl)
    {
        var url = UrlCanonicalizer.TryCanonicalize(item.Link, baseUrl);
        if (url is null)
        {
            return null;
        }

        var hints = new Dictionary<string, string>(StringComparer.Ordinal) { [HintKeys.Feed] = feedUrl.AbsoluteUri };
        Put(hints, HintKeys.Title, item.Title);
        Put(hints, HintKeys.Guid, item.Guid);
        Put(hints, HintKeys.Summary, item.Summary);
        Put(hints, HintKeys.Language, item.Language);
        Put(hints, HintKeys.PublishedAt, item.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
        return new DiscoveredUrl(url, item.PublishedAt, hints);
    }

    internal static void Put(Dictionary<string, string> hints, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            hints[key] = value.Trim();
        }
    }
}
