using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// Fetches feeds and sitemaps through the polite <see cref="IPageFetcher"/> with a conditional GET (the ETag and
/// Last-Modified remembered in the <see cref="IDiscoveryCache"/>) and an exponential back-off per URL after
/// failures, so a dead feed costs one request per back-off period instead of one per pass.
/// </summary>
internal sealed class ResourceTracker(IPageFetcher fetcher, IDiscoveryCache cache, TimeProvider time, DiscoveryOptions options)
{
    public async Task<ResourceFetch> FetchAsync(Uri url, ResourceKind kind, CancellationToken cancellationToken)
    {
        var key = url.AbsoluteUri;
        var previous = await cache.GetResourceAsync(key, cancellationToken);
        var now = time.GetUtcNow();
        if (previous?.RetryAfter is { } retryAfter && retryAfter > now)
        {
            return new ResourceFetch(ResourceFetchStatus.BackingOff, url, previous, null,
                $"backing off until {retryAfter:u} after {previous.Failures} failure(s); last: {previous.LastError}");
        }

        // Only send validators when a listing is cached to fall back on: a 304 without one would lose the items.
        var conditional = previous is { Failures: 0 };
        var result = await fetcher.FetchAsync(
            new FetchRequest(url, conditional ? previous!.ETag : null, conditional ? previous!.LastModified : null, kind, options.MaxFetchBytes),
            cancellationToken);
        return result.Outcome switch
        {
            FetchOutcome.Ok => new ResourceFetch(ResourceFetchStatus.Fetched, url, previous, result, null),
            FetchOutcome.NotModified => new ResourceFetch(ResourceFetchStatus.NotModified, url, previous, result, null),
            _ => new ResourceFetch(ResourceFetchStatus.Failed, url, previous, result, Describe(result)),
        };
    }

    /// <summary>Remembers a good fetch: validators, listing, and a cleared back-off.</summary>
    public Task RecordSuccessAsync(
        ResourceFetch fetch,
        IReadOnlyList<DiscoveredUrl> items,
        IReadOnlyList<string> children,
        CancellationToken cancellationToken)
    {
        var state = new ResourceState
        {
            Url = fetch.Url.AbsoluteUri,
            ETag = fetch.Result?.ETag ?? fetch.Previous?.ETag,
            LastModified = fetch.Result?.LastModified ?? fetch.Previous?.LastModified,
            LastFetchedAt = time.GetUtcNow(),
            Items = items,
            Children = children,
        };
        return cache.SaveResourceAsync(state, cancellationToken);
    }

    /// <summary>Remembers a failure and returns when the next attempt is allowed.</summary>
    public async Task<DateTimeOffset> RecordFailureAsync(ResourceFetch fetch, string error, CancellationToken cancellationToken)
    {
        var failures = (fetch.Previous?.Failures ?? 0) + 1;
        // Doubling from BackoffBase, capped; the exponent is capped first so the multiplication cannot overflow.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.BackoffBase.Ticks * factor, options.BackoffMax.Ticks));
        var now = time.GetUtcNow();
        var state = (fetch.Previous ?? new ResourceState { Url = fetch.Url.AbsoluteUri }) with
        {
            Failures = failures,
            RetryAfter = now + delay,
            LastError = error,
            LastFetchedAt = now,
        };
        await cache.SaveResourceAsync(state, cancellationToken);
        return state.RetryAfter.Value;
    }

    private static string Describe(FetchResult result) => result.Outcome switch
    {
        FetchOutcome.HttpError => $"HTTP {result.StatusCode}" + (result.Error is null ? "" : $" ({result.Error})"),
        _ => result.Error is null ? result.Outcome.ToString() : $"{result.Outcome}: {result.Error}",
    };
}
