using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Politeness;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// Sends one GET through the fetch client while holding the host's gate, and reads the body (capped) before the gate
/// is released. Redirects are returned, not followed: the caller re-checks each hop.
/// </summary>
internal sealed class HopSender(
    IHttpClientFactory clients, HostGate gate, IOptions<HttpOptions> options, TimeProvider time, NewsIngestMetrics metrics)
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that carries the resilience pipeline.</summary>
    public const string ClientName = "NewsIngest.Fetch";

    public async Task<HopResult> SendAsync(Uri url, FetchRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var waiting = time.GetTimestamp();
        using var lease = await gate.EnterAsync(url, cancellationToken);
        var started = time.GetTimestamp();
        metrics.PolitenessWaited(request.Kind, time.GetElapsedTime(waiting, started));
        var attempts = new StrongBox<int>();
        var deadline = time.GetUtcNow() + options.Value.TotalTimeout;
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Options.Set(FetchRequestOptions.Attempts, attempts);
        message.Options.Set(FetchRequestOptions.Deadline, deadline);
        message.Headers.Accept.ParseAdd(AcceptFor(request.Kind));
        if (request.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.LastModified is { } lastModified)
        {
            message.Headers.IfModifiedSince = lastModified;
        }

        var result = new FetchResult { Outcome = FetchOutcome.Ok, RequestedUrl = url, FinalUrl = url };
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            result = Describe(result, response);
            var status = response.StatusCode;
            if (IsRedirect(status) && response.Headers.Location is { } location)
            {
                return new HopResult(Finish(result with { Outcome = FetchOutcome.HttpError, Error = $"redirect {(int)status}" }), new Uri(url, location));
            }

            if (status == HttpStatusCode.NotModified)
            {
                return new HopResult(Finish(result with { Outcome = FetchOutcome.NotModified }));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new HopResult(Finish(result with
                {
                    Outcome = FetchOutcome.HttpError,
                    Error = $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd(),
                }));
            }

            // The body is not covered by Polly's timeouts (they end at the headers): bound it by the rest of the budget.
            var remaining = deadline - time.GetUtcNow();
            using var bodyTimeout = new CancellationTokenSource(remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
            // A page admitted against the pass's body budget counts its bytes there and, once read, keeps only its size.
            var room = request.Kind == ResourceKind.Page ? BodyLease.Current : null;
            var (body, truncated) = await BodyReader.ReadAsync(response.Content, maxBytes, room, linked.Token);
            room?.Settle(body.Length);
            return new HopResult(Finish(result with { Body = body, Truncated = truncated }));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && FetchFailures.Classify(ex, url) is { } failure)
        {
            return new HopResult(Finish(result with { Outcome = failure.Outcome, Error = failure.Error }));
        }

        // Zero attempts when an open circuit refused the request before anything was sent.
        FetchResult Finish(FetchResult r)
        {
            var elapsed = time.GetElapsedTime(started);
            metrics.FetchCompleted(request.Kind, r.Outcome, elapsed);
            return r with { Attempts = attempts.Value, Elapsed = elapsed };
        }
    }

    private static FetchResult Describe(FetchResult result, HttpResponseMessage response) => result with
    {
        StatusCode = (int)response.StatusCode,
        ContentType = response.Content.Headers.ContentType?.MediaType,
        Charset = response.Content.Headers.ContentType?.CharSet?.Trim('"', '\'', ' ') is { Length: > 0 } charset ? charset : null,
        // A malformed ETag (unquoted, as some servers send) fails typed parsing: keep the raw value, it is echoed verbatim.
        ETag = response.Headers.ETag?.ToString()
            ?? (response.Headers.TryGetValues("ETag", out var raw) ? raw.FirstOrDefault() : null),
        LastModified = response.Content.Headers.LastModified,
    };

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string AcceptFor(ResourceKind kind) => kind switch
    {
        ResourceKind.Feed => "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8",
        ResourceKind.Sitemap => "application/xml, text/xml;q=0.9, */*;q=0.8",
        ResourceKind.Robots => "text/plain, */*;q=0.8",
        _ => "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8",
    };
}
