using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Ingestion.Storage;

/// <summary>One line of an output file, where it is.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Number">The line's number in the file, from 1.</param>
/// <param name="Text">The line without its newline.</param>
public readonly record struct RecordLine(string File, int Number, string Text);

/// <summary>
/// The fields that say which record a line is: every stored record has its id, version and content hash, typed as the
/// schema says (a line without them, torn, hand-edited or foreign, is not a record), and the page's URL when it had one.
/// </summary>
public sealed record RecordKey(
    string Id, string? Url, int Version, string ContentHash, string? CanonicalUrl, string? Source, DateTimeOffset? FetchedAt);

/// <summary>
/// Reads the JSON Lines output for the commands and recoveries that look back at it (the pending-write reconcile,
/// the URL index rebuild, <c>show</c>): lines in file order, opened so a running pass may keep appending and rotating.
/// </summary>
public static class RecordLines
{
    /// <summary>Every line of <paramref name="files"/>, in the order given.</summary>
    public static async IAsyncEnumerable<RecordLine> ReadAsync(
        IEnumerable<string> files, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                yield return new RecordLine(file, ++number, line);
            }
        }
    }

    /// <summary>The record's key, or null when the line is not a record (<see cref="RecordFragment"/>'s rule).</summary>
    public static RecordKey? TryReadKey(string line) =>
        RecordFragment.Read(Encoding.UTF8.GetBytes(line), whole: true) is { IsRecord: true } record
            ? new RecordKey(record.Id!, record.Url, record.Version!.Value, record.ContentHash!, record.CanonicalUrl, record.Source, record.FetchedAt)
            : null;

    /// <summary>The line as a JSON object (a copy that outlives the parse), or null when it is not one.</summary>
    public static JsonElement? TryReadObject(string line) =>
        TryParse(line) is { } document ? Own(document) : null;

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Own(JsonDocument document)
    {
        using (document)
        {
            return document.RootElement.Clone();
        }
    }
}
