namespace NewsIngest.Ingestion.Fetching;

/// <summary>What a fetch returned. <see cref="Body"/> is empty unless <see cref="Outcome"/> is Ok.</summary>
public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }

    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public int? StatusCode { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>The charset of the Content-Type header, if any.</summary>
    public string? Charset { get; init; }

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True when the body was cut at the size cap.</summary>
    public bool Truncated { get; init; }

    /// <summary>How many attempts were made (1 without retries; 0 when nothing was sent: robots, guard, open circuit).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>A one-line reason for anything but Ok and NotModified.</summary>
    public string? Error { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool IsSuccess => Outcome is FetchOutcome.Ok or FetchOutcome.NotModified;
}
