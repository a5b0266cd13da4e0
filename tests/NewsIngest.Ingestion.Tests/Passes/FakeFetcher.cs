using System.Text;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>A web of pages in memory: each page has a body and an ETag that changes with it; a request with the
/// current ETag gets 304. Pages can also be set to fail with a given outcome.</summary>
internal sealed class FakeFetcher : IPageFetcher
{
    private readonly Dictionary<Uri, string> _bodies = [];
    private readonly Dictionary<Uri, FetchOutcome> _failures = [];
    private readonly Dictionary<Uri, TaskCompletionSource> _hanging = [];

    public List<FetchRequest> Requests { get; } = [];

    public void Serve(Uri url, string body) => _bodies[url] = body;

    public void Fail(Uri url, FetchOutcome outcome) => _failures[url] = outcome;

    /// <summary>
    /// Makes a request for <paramref name="url"/> never answer (until cancelled); the returned task completes when
    /// that request has started, the explicit moment a test acts on a page in flight.
    /// </summary>
    public Task Hang(Uri url) => (_hanging[url] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops failing <paramref name="url"/>.</summary>
    public void Clear(Uri url) => _failures.Remove(url);

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        if (_hanging.TryGetValue(request.Url, out var started))
        {
            started.TrySetResult();
            return HangAsync(cancellationToken);
        }

        if (_failures.TryGetValue(request.Url, out var failure))
        {
            return Task.FromResult(new FetchResult
            {
                Outcome = failure,
                RequestedUrl = request.Url,
                StatusCode = failure == FetchOutcome.HttpError ? 500 : null,
                Error = $"{failure} for test",
            });
        }

        var body = _bodies[request.Url];
        var etag = $"\"{body.Length}-{(uint)body.GetHashCode(StringComparison.Ordinal)}\"";
        return Task.FromResult(request.ETag == etag
            ? new FetchResult { Outcome = FetchOutcome.NotModified, RequestedUrl = request.Url, StatusCode = 304, ETag = etag }
            : new FetchResult
            {
                Outcome = FetchOutcome.Ok,
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                StatusCode = 200,
                Body = Encoding.UTF8.GetBytes(body),
                ETag = etag,
            });
    }

    private static async Task<FetchResult> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
