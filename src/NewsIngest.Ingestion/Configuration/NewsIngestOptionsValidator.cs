using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Scheduling;

namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// Checks <see cref="NewsIngestOptions"/> at start (<c>ValidateOnStart</c>): every failure is one line that starts
/// with the configuration key, e.g. <c>NewsIngest:Sources:0:Schedule: 'every 5' is neither a cron expression…</c>.
/// </summary>
public sealed class NewsIngestOptionsValidator : IValidateOptions<NewsIngestOptions>
{
    private const string Root = NewsIngestOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NewsIngestOptions options)
    {
        var failures = new List<string>();
        var timeZone = ValidateTimeZone(options, failures);
        ValidateSchedule($"{Root}:DefaultSchedule", options.DefaultSchedule, timeZone, failures);
        ValidateSources(options, timeZone, failures);
        ValidateOutput(options.Output, failures);
        ValidateState(options.State, failures);
        ValidateWorker(options.Worker, failures);

        ValidatePass(options.Pass, failures);
        ValidateNearDuplicates(options.NearDuplicates, failures);
        if (options.Extraction.MaxPageTime <= TimeSpan.Zero && options.Extraction.MaxPageTime != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Root}:Extraction:MaxPageTime: must be positive");
        }

        if (options.Extraction.TemplateSitesInMemory is < 1 or > 100_000)
        {
            failures.Add($"{Root}:Extraction:TemplateSitesInMemory: must be 1..100000 (got {options.Extraction.TemplateSitesInMemory})");
        }

        if (options.Extraction.MaxPreviewChars is < 1_000 or > 10_000_000)
        {
            failures.Add($"{Root}:Extraction:MaxPreviewChars: must be 1000..10000000 (got {options.Extraction.MaxPreviewChars})");
        }

        if (options.Extraction.MaxPreviewBlocks is < 1 or > 100_000)
        {
            failures.Add($"{Root}:Extraction:MaxPreviewBlocks: must be 1..100000 (got {options.Extraction.MaxPreviewBlocks})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateState(StateOptions state, List<string> failures)
    {
        if (!Enum.IsDefined(state.Provider))
        {
            failures.Add($"{Root}:State:Provider: must be Sqlite or Postgres (got {state.Provider})");
        }

        if (state.Provider == StateProvider.Sqlite && string.IsNullOrWhiteSpace(state.Path))
        {
            failures.Add($"{Root}:State:Path: must name the state file");
        }

        if (state.Provider != StateProvider.Postgres)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(state.ConnectionString))
        {
            failures.Add($"{Root}:State:ConnectionString: required when State:Provider is Postgres (e.g. Host=db;Database=newsingest;Username=ingest)");
            return;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(state.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{Root}:State:ConnectionString: names no Host");
            }
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword, never the value (which may hold a password).
            failures.Add($"{Root}:State:ConnectionString: not a valid connection string ({e.Message.Split('\n')[0].TrimEnd()})");
        }
    }

    private static void ValidateWorker(WorkerOptions worker, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(worker.Id) && !WorkerOptions.IsValidId(worker.Id))
        {
            failures.Add($"{Root}:Worker:Id: '{worker.Id}' must be 1-64 letters, digits, '.', '_' or '-' (it names output files)");
        }

        var ttlOk = worker.LeaseTtl >= TimeSpan.FromSeconds(1) && worker.LeaseTtl <= TimeSpan.FromHours(1);
        if (!ttlOk)
        {
            failures.Add($"{Root}:Worker:LeaseTtl: must be 00:00:01..01:00:00 (got {worker.LeaseTtl})");
        }

        // Against a bad LeaseTtl the renewal's bound says nothing new: that key alone is named.
        if (ttlOk && worker.RenewPeriod is { } renew && (renew <= TimeSpan.Zero || renew * 3 > worker.LeaseTtl))
        {
            failures.Add($"{Root}:Worker:RenewPeriod: must be above zero and at most a third of Worker:LeaseTtl ({worker.LeaseTtl}) (got {renew})");
        }

        if (worker.ClaimBatch is < 1 or > 1000)
        {
            failures.Add($"{Root}:Worker:ClaimBatch: must be 1..1000 (got {worker.ClaimBatch})");
        }

        if (worker.MaxLeases is < 1 or > 100_000)
        {
            failures.Add($"{Root}:Worker:MaxLeases: must be 1..100000 (got {worker.MaxLeases})");
        }

        if (worker.MaxPagesPerLease < 1)
        {
            failures.Add($"{Root}:Worker:MaxPagesPerLease: must be at least 1 (got {worker.MaxPagesPerLease})");
        }

        if (worker.MaxLeaseTime < worker.EffectiveRenewPeriod)
        {
            failures.Add($"{Root}:Worker:MaxLeaseTime: must be at least Worker:RenewPeriod ({worker.EffectiveRenewPeriod}) (got {worker.MaxLeaseTime})");
        }

        if (worker.PollInterval < TimeSpan.FromMilliseconds(10) || worker.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Root}:Worker:PollInterval: must be 00:00:00.010..00:01:00 (got {worker.PollInterval})");
        }
    }

    /// <summary>Finds the configured time zone; UTC when it is missing or unknown (the failure is reported).</summary>
    public static TimeZoneInfo FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (id.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Local;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static TimeZoneInfo ValidateTimeZone(NewsIngestOptions options, List<string> failures)
    {
        var id = options.TimeZone;
        if (!string.IsNullOrWhiteSpace(id) && id is not ("UTC" or "Local") && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            failures.Add($"{Root}:TimeZone: '{id}' is not a known time zone");
        }

        return FindTimeZone(id);
    }

    private static void ValidateSources(NewsIngestOptions options, TimeZoneInfo timeZone, List<string> failures)
    {
        if (options.Sources.Count == 0)
        {
            failures.Add($"{Root}:Sources: no source is configured");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"{Root}:Sources:{i}";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                failures.Add($"{key}:Name: every source needs a name");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"{key}:Name: '{source.Name}' is used by another source");
            }

            if (source.Urls.Count == 0 && source.Feeds.Count == 0 && source.Sitemaps.Count == 0 && string.IsNullOrWhiteSpace(source.Site))
            {
                failures.Add($"{key}: needs at least one of Urls, Feeds, Sitemaps or Site");
            }

            ValidateEntries($"{key}:Urls", source.Urls, allowFiles: true, failures);
            ValidateEntries($"{key}:Feeds", source.Feeds, allowFiles: true, failures);
            ValidateEntries($"{key}:Sitemaps", source.Sitemaps, allowFiles: true, failures);
            if (!string.IsNullOrWhiteSpace(source.Site))
            {
                ValidateEntries($"{key}:Site", [source.Site], allowFiles: false, failures);
            }

            if (source.Schedule is not null)
            {
                ValidateSchedule($"{key}:Schedule", source.Schedule, timeZone, failures);
            }

            if (source.MaxItemsPerPass is <= 0)
            {
                failures.Add($"{key}:MaxItemsPerPass: must be at least 1 (or left out for no limit)");
            }

            if (source.MaxAge is { } age && age <= TimeSpan.Zero)
            {
                failures.Add($"{key}:MaxAge: must be positive (or left out to keep all)");
            }

            ValidatePatterns($"{key}:Include", source.Include, failures);
            ValidatePatterns($"{key}:Exclude", source.Exclude, failures);
            for (var k = 0; k < source.KeepTemplateTexts.Count; k++)
            {
                if (!source.KeepTemplateTexts[k].Any(char.IsLetterOrDigit))
                {
                    failures.Add($"{key}:KeepTemplateTexts:{k}: must hold a word (punctuation and spaces alone match every block)");
                }
            }
        }
    }

    private static void ValidateEntries(string key, List<string> entries, bool allowFiles, List<string> failures)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (string.IsNullOrWhiteSpace(entry))
            {
                failures.Add($"{key}:{i}: is empty");
                continue;
            }

            var isAbsolute = Uri.TryCreate(entry, UriKind.Absolute, out var uri);
            var isHttp = isAbsolute && uri!.Scheme is "http" or "https";
            var isFile = isAbsolute && uri!.IsFile;
            if (isHttp || (allowFiles && (isFile || !isAbsolute || Path.IsPathRooted(entry))))
            {
                continue;
            }

            failures.Add(allowFiles
                ? $"{key}:{i}: '{entry}' is not an http(s) URL, a file: URL or a path"
                : $"{key}:{i}: '{entry}' is not an http(s) URL");
        }
    }

    private static void ValidateSchedule(string key, string? text, TimeZoneInfo timeZone, List<string> failures)
    {
        if (!Schedule.TryParse(text, timeZone, out _, out var error))
        {
            failures.Add($"{key}: {error}");
        }
    }

    private static void ValidatePatterns(string key, List<string> patterns, List<string> failures)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                _ = new Regex(patterns[i], RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{key}:{i}: '{patterns[i]}' is not a valid regular expression ({ex.Message})");
            }
        }
    }

    private static void ValidateOutput(OutputOptions output, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(output.Directory))
        {
            failures.Add($"{Root}:Output:Directory: must name a directory");
        }

        if (output.MaxFileBytes < 4096)
        {
            failures.Add($"{Root}:Output:MaxFileBytes: {output.MaxFileBytes} is below the 4096-byte minimum");
        }

        if (string.IsNullOrWhiteSpace(output.FilePrefix) || output.FilePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || output.FilePrefix.Contains('/', StringComparison.Ordinal))
        {
            failures.Add($"{Root}:Output:FilePrefix: '{output.FilePrefix}' is not a usable file name prefix");
        }

        if (output.BatchMaxRecords is < 1 or > 4096)
        {
            failures.Add($"{Root}:Output:BatchMaxRecords: {output.BatchMaxRecords} is outside 1..4096");
        }

        if (output.BatchWindow < TimeSpan.Zero || output.BatchWindow > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Root}:Output:BatchWindow: {output.BatchWindow} is outside 00:00:00..00:00:01");
        }
    }

    private static void ValidateNearDuplicates(NearDuplicateOptions near, List<string> failures)
    {
        if (near.Window < TimeSpan.FromHours(1) || near.Window > TimeSpan.FromDays(366))
        {
            failures.Add($"{Root}:NearDuplicates:Window: {near.Window} is outside 01:00:00..366.00:00:00");
        }

        if (near.MaxPerSite is < 100 or > 1_000_000)
        {
            failures.Add($"{Root}:NearDuplicates:MaxPerSite: {near.MaxPerSite} is outside 100..1000000");
        }
    }

    private static void ValidatePass(PassOptions pass, List<string> failures)
    {
        if (pass.MaxConcurrency is < 1 or > 4096)
        {
            failures.Add($"{Root}:Pass:MaxConcurrency: {pass.MaxConcurrency} is outside 1..4096");
        }

        if (pass.MaxDiscoveryConcurrency is < 1 or > 4096)
        {
            failures.Add($"{Root}:Pass:MaxDiscoveryConcurrency: {pass.MaxDiscoveryConcurrency} is outside 1..4096");
        }

        if (pass.MaxConcurrencyPerHost is < 1 or > 64)
        {
            failures.Add($"{Root}:Pass:MaxConcurrencyPerHost: {pass.MaxConcurrencyPerHost} is outside 1..64");
        }

        if (pass.ProgressInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Root}:Pass:ProgressInterval: must be positive");
        }

        if (pass.ShutdownGrace < TimeSpan.Zero)
        {
            failures.Add($"{Root}:Pass:ShutdownGrace: must not be negative");
        }

        if (pass.MaxHostWait < TimeSpan.Zero || pass.MaxHostWait > TimeSpan.FromDays(1))
        {
            failures.Add($"{Root}:Pass:MaxHostWait: {pass.MaxHostWait} is outside 00:00:00..1.00:00:00");
        }
    }
}
