using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Ingestion.Fetching;

/// <summary>
/// How pages are fetched over HTTP; bound from <c>NewsIngest:Http</c> and validated at start.
/// </summary>
public sealed class HttpOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "NewsIngest:Http";

    /// <summary>The one honest User-Agent sent on every request, robots.txt included.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[A-Za-z_-]+[^\r\n]*$", ErrorMessage = "UserAgent must start with a product token (letters, '_' or '-') and be one line.")]
    public string UserAgent { get; set; } = "NewsIngest/1.0 (+https://github.com/newsingest)";

    /// <summary>Allow private, loopback, link-local and other non-public addresses (default false; tests turn it on).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Bytes of a (decompressed) body kept; the rest is cut and the result marked truncated (default 5 MiB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Bytes of page bodies buffered at once across a pass (default 20 MiB: four bodies at the default cap). A page
    /// starts with room for 64 KiB, grown as its body is read up to <see cref="MaxBodyBytes"/>; room is given only while
    /// the rest would still take that page to the cap (a page starts only while a body at the cap still fits), so every
    /// page with room can read its body whole; once read, it holds its own size until it is written. So many small
    /// pages are in flight at once, and hostile or large ones take at most this much, whatever <c>Pass:MaxConcurrency</c> is.
    /// </summary>
    [Range(typeof(long), "1024", "68719476736")]
    public long MaxBytesInFlight { get; set; } = 20L * 1024 * 1024;

    /// <summary>Timeout of one attempt up to the response headers (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one request with its retries, and of reading its body (default 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on network errors, timeouts, 408, 429 and 5xx but 501 (default 3).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay, doubled per retry with ±25 % jitter (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is cut to it (default 5 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Redirect hops followed before giving up with TooManyRedirects (default 5).</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Share of failed attempts to one host, within <see cref="BreakerSamplingDuration"/>, that opens its circuit (default 0.5).</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts to one host in the sampling window before the breaker may open (default 10).</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the breaker counts failures (default 2 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit refuses requests to its host (default 1 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBytesInFlight < MaxBodyBytes)
        {
            yield return new ValidationResult(
                $"must be at least {nameof(MaxBodyBytes)} ({MaxBodyBytes}), or no page could start (got {MaxBytesInFlight})",
                [nameof(MaxBytesInFlight)]);
        }

        if (AttemptTimeout > TotalTimeout)
        {
            yield return new ValidationResult(
                $"{nameof(AttemptTimeout)} ({AttemptTimeout}) must not exceed {nameof(TotalTimeout)} ({TotalTimeout}).",
                [nameof(AttemptTimeout), nameof(TotalTimeout)]);
        }
    }
}
