using System.Net;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Fetching;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// The innermost handler, run once per attempt (inside the retry): stamps the attempt's start and end on the host's pacing clock,
/// counts it, and turns a 429/503 into a cooldown of that host alone. With several workers it first waits for the
/// host's slot in the shared database (<see cref="Workers.SharedHostSlots"/>).
/// </summary>
internal sealed class PolitenessHandler(HostGate gate, IOptions<HttpOptions> options, TimeProvider time, Workers.SharedHostSlots? slots = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        if (request.Options.TryGetValue(FetchRequestOptions.Attempts, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        // Several workers: the host's slot is reserved in the shared database, so its delay holds across all of them.
        var spacing = slots is null ? TimeSpan.Zero : gate.SpacingOf(url);
        var slot = slots is null ? null : await slots.WaitAsync(url, spacing, cancellationToken);
        gate.MarkAttempt(url);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            // A retry, like any next request, is spaced from the end of this attempt (in every worker).
            gate.MarkAttemptEnded(url);
            if (slot is { } token)
            {
                await slots!.EndAsync(url, spacing, token);
            }
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            gate.CoolDown(url, RetryAfter.Read(response, time, options.Value.MaxRetryAfter));
        }
        else if ((int)response.StatusCode < 500)
        {
            gate.MarkHealthy(url);
        }

        return response;
    }
}
