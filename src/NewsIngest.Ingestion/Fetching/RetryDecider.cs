using System.Net;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Politeness;
using Polly;
using Polly.Timeout;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// Decides whether and when an attempt is retried: network errors, attempt timeouts, 408, 429 and 5xx but 501; the
/// delay is the larger of a jittered exponential backoff and the host's own wait (spacing, Crawl-delay, and the
/// cooldown a Retry-After set, capped by <see cref="HttpOptions.MaxRetryAfter"/>). A retry whose delay would end past
/// the request's deadline, or whose host wait is beyond <see cref="PassOptions.MaxHostWait"/>, is not made: the answer
/// is returned now (the pass defers the page) instead of a timeout later or a slot held through a cooldown.
/// </summary>
internal sealed class RetryDecider(HostGate gate, IOptions<HttpOptions> options, TimeProvider time, IOptions<PassOptions>? pass = null)
{
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedDelay = new("NewsIngest.RetryDelay");

    /// <summary>True for a failure worth another attempt; plans that attempt's delay on the context.</summary>
    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber)
    {
        if (!IsTransient(outcome))
        {
            return false;
        }

        var request = context.GetRequestMessage();
        var delay = Backoff(attemptNumber);
        if (request?.RequestUri is { } url)
        {
            var hostWait = gate.TimeUntilFree(url);
            if (pass is not null && hostWait > pass.Value.MaxHostWait)
            {
                return false;
            }

            delay = hostWait > delay ? hostWait : delay;
            if (request.Options.TryGetValue(FetchRequestOptions.Deadline, out var deadline) && time.GetUtcNow() + delay >= deadline)
            {
                return false;
            }
        }

        context.Properties.Set(PlannedDelay, delay);
        return true;
    }

    /// <summary>The delay planned by <see cref="ShouldRetry"/>.</summary>
    public TimeSpan DelayFor(ResilienceContext context, int attemptNumber) =>
        context.Properties.TryGetValue(PlannedDelay, out var delay) ? delay : Backoff(attemptNumber);

    /// <summary>Failures the per-host circuit breaker counts: the transient ones (a 429 is pacing, not health).</summary>
    public static bool IsHostFailure(Outcome<HttpResponseMessage> outcome) =>
        IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: AddressRefusedException } => false,
        { Exception: HttpRequestException { InnerException: AddressRefusedException } } => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented),
        _ => false,
    };

    /// <summary>base × 2^attempt with ±25 % jitter, so many clients do not retry in step.</summary>
    private TimeSpan Backoff(int attemptNumber)
    {
        var exponential = options.Value.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16));
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(exponential * jitter);
    }
}
