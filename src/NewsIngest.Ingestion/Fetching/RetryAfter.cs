namespace NewsIngest.Ingestion.Fetching;

/// <summary>Reads a response's Retry-After (delta-seconds or HTTP-date) against the injected clock.</summary>
internal static class RetryAfter
{
    /// <summary>The delay the server asked for, never negative, or null when it gave none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The Retry-After cut to <paramref name="cap"/> (the server does not get to park us for a day).</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time, TimeSpan cap) =>
        Read(response, time) is { } wait ? (wait > cap ? cap : wait) : null;
}
