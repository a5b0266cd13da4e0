using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>Turns what HttpClient and Polly throw into an outcome and a one-line reason.</summary>
internal static class FetchFailures
{
    /// <summary>The outcome for <paramref name="exception"/>, or null for something that is not a fetch failure (a bug).</summary>
    public static (FetchOutcome Outcome, string Error)? Classify(Exception exception, Uri url) => exception switch
    {
        BrokenCircuitException => (FetchOutcome.CircuitOpen, $"circuit open for {url.Authority} after repeated failures"),
        TimeoutRejectedException timeout => (FetchOutcome.Timeout, $"timed out after {timeout.Timeout.TotalSeconds:0.###} s"),
        OperationCanceledException => (FetchOutcome.Timeout, "timed out reading the response"),
        _ when Find<AddressRefusedException>(exception) is { } refused => (FetchOutcome.AddressRefused, refused.Message),
        HttpRequestException or IOException or System.IO.InvalidDataException => (FetchOutcome.NetworkError, OneLine(exception)),
        _ => null,
    };

    /// <summary>The exception's message and its inner causes, on one line.</summary>
    public static string OneLine(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!parts.Any(p => p.Contains(e.Message, StringComparison.Ordinal)))
            {
                parts.Add(e.Message);
            }
        }

        return string.Join(": ", parts).ReplaceLineEndings(" ");
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
