using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// The Polly v8 pipeline of the fetch client, outermost first: total timeout → retry → circuit breaker → attempt
/// timeout. It is selected per authority, so each host has its own breaker.
/// </summary>
internal static class FetchPipeline
{
    public const string Name = "newsingest-fetch";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<HttpOptions>>().Value;
        var decider = services.GetRequiredService<RetryDecider>();
        var logger = services.GetRequiredService<ILogger<HttpPageFetcher>>();

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(decider.ShouldRetry(args.Outcome, args.Context, args.AttemptNumber)),

                // Polly's MaxDelay does not bound a DelayGenerator: the decider caps Retry-After itself.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(decider.DelayFor(args.Context, args.AttemptNumber)),
                OnRetry = args =>
                {
                    FetchLog.Retrying(
                        logger,
                        args.Context.GetRequestMessage()?.RequestUri,
                        args.AttemptNumber + 1,
                        args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown");
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(RetryDecider.IsHostFailure(args.Outcome)),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
        });
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }
}
