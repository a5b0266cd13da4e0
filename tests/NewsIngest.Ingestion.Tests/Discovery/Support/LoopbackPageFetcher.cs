using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Tests.Discovery.Support;

/// <summary>
/// A test-only <see cref="IPageFetcher"/> over HttpClient (the real fetcher lives on another branch): real HTTP to
/// the loopback server, validators sent as If-None-Match/If-Modified-Since, 304 reported as NotModified. Refuses
/// anything but 127.0.0.1/localhost so no test can reach the outside world.
/// </summary>
internal sealed class LoopbackPageFetcher : IPageFetcher, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = true, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Every request made, in order.</summary>
    public ConcurrentQueue<FetchRequest> Requests { get; } = new();

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (!request.Url.IsLoopback)
        {
            return new FetchResult { Outcome = FetchOutcome.AddressRefused, RequestedUrl = request.Url, Error = "tests stay on loopback" };
        }

        var started = Stopwatch.StartNew();
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (request.ETag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        message.Headers.IfModifiedSince = request.LastModified;
        try
        {
            using var response = await _client.SendAsync(message, cancellationToken);
            var result = new FetchResult
            {
                Outcome = response.StatusCode == HttpStatusCode.NotModified ? FetchOutcome.NotModified
                    : response.IsSuccessStatusCode ? FetchOutcome.Ok : FetchOutcome.HttpError,
                RequestedUrl = request.Url,
                FinalUrl = response.RequestMessage?.RequestUri,
                StatusCode = (int)response.StatusCode,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                Charset = response.Content.Headers.ContentType?.CharSet,
                Elapsed = started.Elapsed,
            };
            return result.Outcome == FetchOutcome.Ok
                ? result with { Body = await response.Content.ReadAsByteArrayAsync(cancellationToken) }
                : result;
        }
        catch (HttpRequestException ex)
        {
            return new FetchResult { Outcome = FetchOutcome.NetworkError, RequestedUrl = request.Url, Error = ex.Message };
        }
    }

    public void Dispose() => _client.Dispose();
}
