using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// How politely hosts are treated; bound from <c>NewsIngest:Politeness</c> and validated at start.
/// </summary>
public sealed class PolitenessOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "NewsIngest:Politeness";

    /// <summary>Least time between two requests to one host (default 1 s); Crawl-delay raises it per host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A robots.txt Crawl-delay above this is clamped to it (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Obey robots.txt (default true). Turning it off is for fetching your own sites only.</summary>
    public bool ObeyRobots { get; set; } = true;

    /// <summary>How long a fetched robots.txt is cached per host (default 24 h, the RFC 9309 recommendation).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RobotsCacheTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After a robots.txt 5xx or network failure the host is treated as disallowed this long (default 15 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan RobotsErrorDisallowFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Bytes of robots.txt parsed; the rest is ignored (default 500 KiB, the RFC 9309 minimum).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRobotsBytes { get; set; } = 500 * 1024;

    /// <summary>The robots.txt product token; null takes it from the User-Agent (the text before the first '/').</summary>
    [RegularExpression("^[A-Za-z_-]+$")]
    public string? RobotsProductToken { get; set; }

    /// <summary>First cooldown of a host that answers 429/503 without Retry-After (default 30 s), doubled per repeat.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan CooldownBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest cooldown a host is put in, whatever its Retry-After says (default 30 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan MaxCooldown { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CooldownBase > MaxCooldown)
        {
            yield return new ValidationResult(
                $"{nameof(CooldownBase)} ({CooldownBase}) must not exceed {nameof(MaxCooldown)} ({MaxCooldown}).",
                [nameof(CooldownBase), nameof(MaxCooldown)]);
        }
    }
}
