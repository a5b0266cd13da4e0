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
        await foreach (var line in RecordLines.ReadAsync(RecordFiles.List(directory, prefix), cancellationToken))
        {
            if (RecordLines.TryReadKey(line.Text) is not { Url: not null } key)
            {
                bad.Add($"{line.File}:{line.Number}");
                continue;
            }

            records++;
            if (!latest.TryGetValue(key.Url, out var known) || key.Version > known.Version)
            {
                latest[key.Url] = Indexed(key);
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

    private static UrlState Indexed(RecordKey key) => new()
    {
        Url = key.Url!,
        Version = key.Version,
        ContentHash = key.ContentHash,
        RecordId = key.Id,
        CanonicalUrl = key.CanonicalUrl,
        Source = key.Source,
        LastFetchedAt = key.FetchedAt,
        LastStatus = "rebuilt",
    };
}
