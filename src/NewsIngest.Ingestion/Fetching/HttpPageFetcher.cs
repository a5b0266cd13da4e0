using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The HTTP <see cref="IPageFetcher"/>: anonymous (no cookies, no credentials, one honest User-Agent), polite
/// (robots.txt, per-host pacing and cooldown) and resilient (timeouts, retries, per-host circuit breaker).
/// Redirects are followed here, hop by hop, so every hop is checked against robots.txt and the address guard.
/// Failures are returned as <see cref="FetchResult"/> values; only cancellation throws.
/// Register with <see cref="FetchingServiceCollectionExtensions.AddNewsIngestFetching"/>.
/// </summary>
public sealed class HttpPageFetcher : IPageFetcher
{
    private readonly HopSender _hops;
    private readonly IRobotsPolicy _robots;
    private readonly AddressGuard _guard;
    private readonly HttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpPageFetcher> _logger;

    internal HttpPageFetcher(
        HopSender hops,
        IRobotsPolicy robots,
        AddressGuard guard,
        IOptions<HttpOptions> options,
        TimeProvider time,
        ILogger<HttpPageFetcher> logger)
    {
        _hops = hops;
        _robots = robots;
        _guard = guard;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await FollowAsync(request, cancellationToken);
        result = result with { RequestedUrl = request.Url, Elapsed = _time.GetElapsedTime(started) };
        if (result.IsSuccess)
        {
            var elapsedMs = (long)result.Elapsed.TotalMilliseconds;
            if (request.Kind == ResourceKind.Page)
            {
                FetchLog.FetchedPage(_logger, request.Url, result.Outcome, result.StatusCode, result.Body.Length, elapsedMs, result.Attempts);
            }
            else
            {
                FetchLog.Fetched(_logger, request.Url, result.Outcome, result.StatusCode, result.Body.Length, elapsedMs, result.Attempts);
            }

            if (result.Truncated)
            {
                FetchLog.Truncated(_logger, request.Url, request.MaxBytes ?? _options.MaxBodyBytes);
            }
        }
        else
        {
            FetchLog.Failed(_logger, request.Url, result.Outcome, result.Error);
        }

        return result;
    }

    private async Task<FetchResult> FollowAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var redirects = 0; ; redirects++)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                return Failure(FetchOutcome.Unsupported, url, $"unsupported URL {url} (only http and https are fetched)");
            }

            if (!visited.Add(url.AbsoluteUri))
            {
                return Failure(FetchOutcome.TooManyRedirects, url, $"redirect loop back to {url}");
            }

            if (_guard.RefusesLiteral(url))
            {
                return Failure(FetchOutcome.AddressRefused, url, $"{url.Host} is not a public address and private networks are not allowed");
            }

            if (request.Kind != ResourceKind.Robots)
            {
                var decision = await _robots.CheckAsync(url, cancellationToken);
                if (!decision.IsAllowed)
                {
                    return Failure(decision.Outcome, url, decision.Reason);
                }
            }

            var hop = await _hops.SendAsync(url, request, request.MaxBytes ?? _options.MaxBodyBytes, cancellationToken);
            if (hop.RedirectTo is not { } next)
            {
                return hop.Result;
            }

            if (redirects >= _options.MaxRedirects)
            {
                return hop.Result with { Outcome = FetchOutcome.TooManyRedirects, Error = $"more than {_options.MaxRedirects} redirects (last to {next})" };
            }

            url = next;
        }
    }

    /// <summary>A failure decided before anything was sent (robots, guard, scheme, loop): zero attempts.</summary>
    private static FetchResult Failure(FetchOutcome outcome, Uri url, string? error) =>
        new() { Outcome = outcome, RequestedUrl = url, FinalUrl = url, Error = error, Attempts = 0 };
}
