using System.Text.Json;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// What the top-level fields of a line of the output say, read straight from its UTF-8 bytes without building a
/// document: the fields that name a record (<c>id</c>, <c>url</c>, <c>version</c>, <c>contentHash</c>, ...) as far as
/// the bytes go. A whole line is a record when it is one JSON object with a string id and content hash and an integer
/// version (the one rule: <see cref="RecordLines.TryReadKey"/> reads its keys from here); the first bytes of a torn
/// line give what they hold.
/// </summary>
/// <param name="Id">The record id, when the bytes hold it whole.</param>
/// <param name="Url">The page URL, when the bytes hold it whole.</param>
/// <param name="Version">The version, when the bytes hold it whole.</param>
/// <param name="ContentHash">The content hash, when the bytes hold it whole.</param>
/// <param name="FetchedAt">When the page was fetched, when the bytes hold it whole.</param>
/// <param name="CanonicalUrl">The page's canonical URL, when the bytes hold it whole.</param>
/// <param name="Source">The source that found the page, when the bytes hold it whole.</param>
/// <param name="IsRecord">A whole line that is a stored record.</param>
/// <param name="IsObjectStart">The bytes are well-formed JSON as far as they go and start an object (a record cut short
/// looks like this; garbage does not).</param>
public readonly record struct RecordFragment(
    string? Id, string? Url, int? Version, string? ContentHash, DateTimeOffset? FetchedAt, bool IsRecord, bool IsObjectStart,
    string? CanonicalUrl = null, string? Source = null)
{
    /// <summary>Reads <paramref name="bytes"/>: a whole line (<paramref name="whole"/>) or the first bytes of one.</summary>
    public static RecordFragment Read(ReadOnlySpan<byte> bytes, bool whole)
    {
        string? id = null, url = null, hash = null, canonicalUrl = null, source = null;
        int? version = null;
        DateTimeOffset? fetchedAt = null;
        var reader = new Utf8JsonReader(bytes, isFinalBlock: whole, state: default);
        var complete = false;
        var wellFormed = true;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new RecordFragment(null, null, null, null, null, false, false);
            }

            var field = Field.None;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    field = reader.ValueTextEquals("id"u8) ? Field.Id
                        : reader.ValueTextEquals("url"u8) ? Field.Url
                        : reader.ValueTextEquals("version"u8) ? Field.Version
                        : reader.ValueTextEquals("contentHash"u8) ? Field.ContentHash
                        : reader.ValueTextEquals("fetchedAt"u8) ? Field.FetchedAt
                        : reader.ValueTextEquals("canonicalUrl"u8) ? Field.CanonicalUrl
                        : reader.ValueTextEquals("source"u8) ? Field.Source
                        : Field.Other;
                    continue;
                }

                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    complete = true;
                    break;
                }

                if (reader.CurrentDepth == 1 && field != Field.None)
                {
                    // The value of a top-level field (a nested value's own tokens are deeper and pass by).
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    switch (field)
                    {
                        case Field.Id:
                            id = text;
                            break;
                        case Field.Url:
                            url = text;
                            break;
                        case Field.ContentHash:
                            hash = text;
                            break;
                        case Field.CanonicalUrl:
                            canonicalUrl = text;
                            break;
                        case Field.Source:
                            source = text;
                            break;
                        case Field.FetchedAt:
                            fetchedAt = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : null;
                            break;
                        case Field.Version:
                            version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : null;
                            break;
                    }

                    field = Field.None;
                }
                else if (reader.CurrentDepth == 1)
                {
                    field = Field.None;
                }
            }

            // Nothing but white space may follow the object (the reader throws on anything else).
            if (complete && whole && reader.Read())
            {
                complete = false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON (or a string that is not UTF-8): what was read so far still names the line.
            wellFormed = false;
            complete = false;
        }

        var isRecord = whole && complete && id is not null && hash is not null && version is not null;
        return new RecordFragment(id, url, version, hash, fetchedAt, isRecord, wellFormed, canonicalUrl, source);
    }

    private enum Field
    {
        None,
        Id,
        Url,
        Version,
        ContentHash,
        FetchedAt,
        CanonicalUrl,
        Source,
        Other,
    }
}
