using System.Text.Json;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Rebuilds the state's URL index from the JSON Lines output: for each URL its latest version, content hash,
/// record id, canonical URL and source, so a state that was deleted, lost or replaced by an older copy never makes a
/// run write a record again as version 1. A URL the state already knows at the same or a later version is left as
/// it is. Lines that are not records are reported (file and line number), never used.
/// </summary>
public static class UrlIndexRebuilder
{
    /// <summary>What a rebuild read and changed.</summary>
    /// <param name="Records">Record lines read.</param>
    /// <param name="Updated">URLs whose state was added or moved forward.</param>
    /// <param name="BadLines">Lines that are not records, as <c>file:line</c>.</param>
    public sealed record Report(int Records, int Updated, IReadOnlyList<string> BadLines);

    public static async Task<Report> RebuildAsync(IStateStore state, string directory, string prefix, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, UrlState>(StringComparer.Ordinal);
        var bad = new List<string>();
        var records = 0;
        foreach (var file in RecordFiles.List(directory, prefix))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (Read(line) is not { } found)
                {
                    bad.Add($"{file}:{number}");
                    continue;
                }

                records++;
                if (!latest.TryGetValue(found.Url, out var known) || found.Version > known.Version)
                {
                    latest[found.Url] = found;
                }
            }
        }

        var updates = new List<UrlState>();
        foreach (var found in latest.Values)
        {
            var existing = await state.GetAsync(found.Url, cancellationToken);
            if (existing is null)
            {
                updates.Add(found);
            }
            else if (existing.Version < found.Version)
            {
                // Validators belong to the state's older fetch: drop them, so the page is fetched whole and compared.
                updates.Add(existing with
                {
                    Version = found.Version,
                    ContentHash = found.ContentHash,
                    RecordId = found.RecordId,
                    CanonicalUrl = found.CanonicalUrl ?? existing.CanonicalUrl,
                    ETag = null,
                    LastModified = null,
                });
            }
        }

        await state.SaveAllAsync(updates, cancellationToken);
        return new Report(records, updates.Count, bad);
    }

    private static UrlState? Read(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number)
                || !root.TryGetProperty("contentHash", out var hash) || hash.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new UrlState
            {
                Url = url.GetString()!,
                Version = number,
                ContentHash = hash.GetString(),
                RecordId = root.TryGetProperty("id", out var id) ? id.GetString() : null,
                CanonicalUrl = root.TryGetProperty("canonicalUrl", out var canonical) && canonical.ValueKind == JsonValueKind.String ? canonical.GetString() : null,
                Source = root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString() : null,
                LastFetchedAt = root.TryGetProperty("fetchedAt", out var fetched) && fetched.TryGetDateTimeOffset(out var at) ? at : null,
                LastStatus = "rebuilt",
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
