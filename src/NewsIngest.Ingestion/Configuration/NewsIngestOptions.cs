namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// The <c>NewsIngest</c> configuration section: sources, output, state and pass limits. <c>Http</c> and
/// <c>Politeness</c> live in the same section but are bound by the fetching layer.
/// </summary>
public sealed class NewsIngestOptions
{
    public const string SectionName = "NewsIngest";

    /// <summary>The sources to ingest; names must be unique.</summary>
    public List<SourceOptions> Sources { get; set; } = [];

    public OutputOptions Output { get; set; } = new();

    public StateOptions State { get; set; } = new();

    public WorkerOptions Worker { get; set; } = new();

    public PassOptions Pass { get; set; } = new();

    public ExtractionSettings Extraction { get; set; } = new();

    public NearDuplicateOptions NearDuplicates { get; set; } = new();

    /// <summary>The schedule of a source without one: cron (5 or 6 fields) or an interval. Default every 30 minutes.</summary>
    public string DefaultSchedule { get; set; } = "*/30 * * * *";

    /// <summary>Time zone for cron schedules (IANA or Windows id). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Directory that relative paths (output, state, file sources) resolve against. The CLI sets it to the
    /// config file's directory; when empty, the current directory.</summary>
    public string? BaseDirectory { get; set; }
}
