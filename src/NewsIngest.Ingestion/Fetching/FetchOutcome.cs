namespace NewsIngest.Ingestion.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>2xx with a body (possibly cut at the size cap: see <see cref="FetchResult.Truncated"/>).</summary>
    Ok,

    /// <summary>304: the validators matched; nothing changed.</summary>
    NotModified,

    /// <summary>A non-success HTTP status after retries.</summary>
    HttpError,

    /// <summary>DNS, connection or protocol failure after retries.</summary>
    NetworkError,

    /// <summary>Per-attempt or total timeout.</summary>
    Timeout,

    /// <summary>robots.txt disallows the URL (or a redirect target) for our user agent.</summary>
    RobotsDenied,

    /// <summary>The address is private, loopback or link-local and private networks are not allowed.</summary>
    AddressRefused,

    /// <summary>Too many redirects, or a redirect loop.</summary>
    TooManyRedirects,

    /// <summary>The host's circuit breaker is open after repeated failures.</summary>
    CircuitOpen,

    /// <summary>The URL's scheme is not supported or the URL is malformed.</summary>
    Unsupported,

    /// <summary>
    /// robots.txt could not be read (5xx, 429, timeout): the host is treated as disallowed for a while,
    /// but this is an outage, not a refusal, and the pass says so.
    /// </summary>
    RobotsUnavailable,
}
