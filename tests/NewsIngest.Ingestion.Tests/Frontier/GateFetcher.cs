using System.Collections.Concurrent;
using System.Text;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Tests.Frontier;

/// <summary>
/// A fetcher that answers at once but goes through the real <see cref="HostGate"/> the way the HTTP fetcher does
/// (enter, stamp the attempt, answer, stamp its end, turn a 429 into a cooldown) and records when each request
/// started on the clock.
/// </summary>
internal sealed class GateFetcher(HostGate gate, TimeProvider time) : IPageFetcher
{
    private readonly ConcurrentQueue<(Uri Url, DateTimeOffset At)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _tooManyRequests = new(StringComparer.Ordinal);

    /// <summary>Every request, in the order they started, with the clock's time then.</summary>
    public IReadOnlyList<(Uri Url, DateTimeOffset At)> Requests => [.. _requests];

    /// <summary>The next <paramref name="count"/> requests to <paramref name="authority"/> answer 429 without Retry-After.</summary>
    public void AnswerTooManyRequests(string authority, int count) => _tooManyRequests[authority] = count;

    public IEnumerable<DateTimeOffset> StartsAt(string authority) => Requests.Where(r => r.Url.Authority == authority).Select(r => r.At);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(request.Url, cancellationToken);
        gate.MarkAttempt(request.Url);
        _requests.Enqueue((request.Url, time.GetUtcNow()));
        var refused = _tooManyRequests.TryGetValue(request.Url.Authority, out var left) && left > 0
            && _tooManyRequests.TryUpdate(request.Url.Authority, left - 1, left);
        if (refused)
        {
            gate.CoolDown(request.Url, retryAfter: null);
        }
        else
        {
            gate.MarkHealthy(request.Url);
        }

        gate.MarkAttemptEnded(request.Url);
        return refused
            ? new FetchResult { Outcome = FetchOutcome.HttpError, RequestedUrl = request.Url, StatusCode = 429, Error = "HTTP 429 Too Many Requests" }
            : new FetchResult
            {
                Outcome = FetchOutcome.Ok,
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                StatusCode = 200,
                Body = Encoding.UTF8.GetBytes($"story at {request.Url.AbsolutePath}"),
            };
    }
}
