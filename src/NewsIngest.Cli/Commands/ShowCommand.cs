using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsIngest.Cli.Inspection;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest show &lt;url|id&gt; --config F [--json]</c>: one URL's state (validators, last status and the reason of
/// the last failure, attempts, version) and its latest record from the output files. Read-only; exit 5 when the URL
/// or id is not in the state (or there is no state yet).
/// </summary>
public static partial class ShowCommand
{
    private static readonly Argument<string> Target = new("url|id")
    {
        Description = "An article URL (as configured or discovered, or a page's path for file sources), or a record id.",
    };

    public static Command Create()
    {
        var command = InspectionSwitches.AddTo(new Command("show", "Show one URL's state and its latest record (read-only)."));
        command.Arguments.Add(Target);
        command.SetAction((parse, token) => InspectionRunner.RunAsync(parse, "show", async (options, state, _, cancellationToken) =>
        {
            var target = parse.GetValue(Target)!;
            var (url, record) = await ResolveAsync(target, options, state, cancellationToken);
            if (url is null && record is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"newsingest show: {target} is not in the state at {state.Location}");
                return ExitCodes.NotFound;
            }

            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(InspectionSwitches.Json))
            {
                await InspectionText.WriteJsonAsync(stdout, new ShowView(url is null ? null : UrlView.Of(url), record?.File, record?.Record), cancellationToken);
            }
            else
            {
                await WriteTextAsync(stdout, url, record, cancellationToken);
            }

            return ExitCodes.Ok;
        }, token));
        return command;
    }

    /// <summary>The state and latest record named by <paramref name="target"/>: a record id, a URL or a page's path.</summary>
    private static async Task<(UrlState? Url, RecordFinder.Found? Record)> ResolveAsync(
        string target, NewsIngestOptions options, IStateReader state, CancellationToken cancellationToken)
    {
        var directory = options.Output.Directory;
        var prefix = options.Output.FilePrefix;
        if (RecordId().IsMatch(target))
        {
            var byId = await state.FindByRecordIdAsync(target, cancellationToken);
            var latest = await RecordFinder.FindLatestAsync(directory, prefix, target, null, null, cancellationToken);
            if (byId is null && latest is { } found && found.Record.TryGetProperty("url", out var recorded) && recorded.GetString() is { } u)
            {
                // A state of schema 1 keeps no record id: go from the record to its URL.
                byId = await state.FindUrlAsync(u, cancellationToken);
            }

            return (byId, latest);
        }

        UrlState? url = null;
        foreach (var candidate in Candidates(target))
        {
            url = await state.FindUrlAsync(candidate, cancellationToken) ?? await state.FindByCanonicalAsync(candidate, cancellationToken);
            if (url is not null)
            {
                break;
            }
        }

        if (url is not { RecordId: { } id, Version: > 0 })
        {
            return (url, null);
        }

        var record = await RecordFinder.FindLatestAsync(directory, prefix, id, url.Version, null, cancellationToken)
            ?? await RecordFinder.FindLatestAsync(directory, prefix, id, null, null, cancellationToken);
        return (url, record);
    }

    /// <summary>The keys <paramref name="target"/> may be stored under: as typed, as a URI, canonicalized, as a file: URL.</summary>
    private static IEnumerable<string> Candidates(string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> All()
        {
            yield return target;
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file")
            {
                yield return uri.AbsoluteUri;
                if (!uri.IsFile)
                {
                    yield return UrlCanonicalizer.Canonicalize(uri).AbsoluteUri;
                }
            }
            else if (File.Exists(target))
            {
                yield return new Uri(Path.GetFullPath(target)).AbsoluteUri;
            }
        }

        return All().Where(seen.Add);
    }

    private static async Task WriteTextAsync(
        TextWriter stdout, UrlState? url, RecordFinder.Found? found, CancellationToken cancellationToken)
    {
        var table = new TextTable("", "");
        if (url is null)
        {
            table.Add("url", "not in the state (the record below names it)");
        }
        else
        {
            var failing = UrlStatuses.IsFailure(url.LastStatus);
            table.Add("url", url.Url);
            table.Add("source", url.Source ?? "—");
            table.Add("canonical url", url.CanonicalUrl ?? "—");
            table.Add("last status", (url.LastStatus ?? "never fetched") + (failing ? $" (failing): {url.LastError ?? "no reason kept"}" : ""));
            table.Add("last fetched", InspectionText.Time(url.LastFetchedAt));
            table.Add("last failure", url.LastError is null ? "—" : $"{InspectionText.Time(url.LastErrorAt)}: {url.LastError}");
            table.Add("attempts", url.Attempts + (url.Attempts > 0 ? " since the last success" : ""));
            table.Add("versions", url.Version);
            table.Add("etag", url.ETag ?? "—");
            table.Add("last-modified", InspectionText.Time(url.LastModified));
            table.Add("content hash", url.ContentHash ?? "—");
            table.Add("record id", url.RecordId ?? "—");
        }

        if (found is { Record: var record, File: var file })
        {
            table.Add("record", $"version {Text(record, "version")}, fetched {Text(record, "fetchedAt")}, in {file}");
            table.Add("headline", Text(record, "headline"));
            if (record.TryGetProperty("paywall", out var paywall))
            {
                table.Add("paywall", Text(paywall, "status") + (Text(paywall, "kind") is var kind and not "—" ? $" ({kind})" : ""));
            }

            if (record.TryGetProperty("preview", out var preview))
            {
                table.Add("preview", $"{Text(preview, "wordCount")} words");
            }
        }
        else
        {
            table.Add("record", url is { Version: > 0 }
                ? url.RecordId is null ? "not looked up (written before the state kept record ids)" : "not found in the output files (moved or deleted?)"
                : "none written");
        }

        await table.WriteAsync(stdout, cancellationToken);
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : "—";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RecordId();

    /// <summary>The JSON shape of <c>show --json</c>.</summary>
    private sealed record ShowView(UrlView? State, string? RecordFile, JsonElement? Record);
}
