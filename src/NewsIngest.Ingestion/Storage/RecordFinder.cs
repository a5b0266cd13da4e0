using System.Text.Json;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Finds the latest stored record of an article in the output files, for <c>newsingest show</c>: files newest
/// first (name order is write order), the last matching line of the first file that has one. Lines that do not
/// mention the id are skipped unparsed; a torn or foreign line is ignored. Reads while a run appends.
/// </summary>
public static class RecordFinder
{
    /// <summary>A record as written, and the file it is in.</summary>
    public sealed record Found(JsonElement Record, string File);

    /// <summary>
    /// The latest record with <paramref name="recordId"/>, of <paramref name="version"/> when given, that
    /// <paramref name="accept"/> (when given) accepts; null when none is in <paramref name="directory"/>.
    /// </summary>
    public static async Task<Found?> FindLatestAsync(
        string directory, string prefix, string recordId, int? version, Func<JsonElement, bool>? accept, CancellationToken cancellationToken)
    {
        foreach (var file in RecordFiles.ListAll(directory, prefix).Reverse())
        {
            JsonElement? last = null;
            await foreach (var line in RecordLines.ReadAsync([file], cancellationToken))
            {
                if (line.Text.Contains(recordId, StringComparison.Ordinal) && RecordLines.TryReadObject(line.Text) is { } record
                    && record.TryGetProperty("id", out var id) && id.ValueEquals(recordId)
                    && (version is null || (record.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) && n == version))
                    && (accept is null || accept(record)))
                {
                    last = record;
                }
            }

            if (last is { } found)
            {
                return new Found(found, file);
            }
        }

        return null;
    }
}
