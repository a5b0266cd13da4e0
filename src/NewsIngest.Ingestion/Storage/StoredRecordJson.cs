using System.Buffers;
using System.Text;
using System.Text.Json;
using NewsIngest.Extraction.Serialization;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Writes a <see cref="StoredRecord"/> as one flat JSON object: every extraction field (with
/// <see cref="RecordJson.Compact"/>), then <c>source</c>, <c>fetchedAt</c>, <c>httpStatus</c>, <c>version</c> and
/// <c>hints</c> when there are any, <c>nearDuplicate</c> when the record has one.
/// </summary>
public static class StoredRecordJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = RecordJson.Compact.Encoder };

    /// <summary>The record as one line of JSON, without the line break.</summary>
    public static string Serialize(StoredRecord record)
    {
        var line = SerializeLine(record);
        return Encoding.UTF8.GetString(line, 0, line.Length - 1);
    }

    /// <summary>The record as one UTF-8 line of JSON, line break included.</summary>
    public static byte[] SerializeLine(StoredRecord record)
    {
        // The extraction record is serialized straight to UTF-8 and the storage fields are written after its last
        // property: one pass over the record, no intermediate DOM.
        var article = JsonSerializer.SerializeToUtf8Bytes(record.Article, RecordJson.Compact);
        var tail = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(tail, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("source", record.Source);
            writer.WriteString("fetchedAt", record.FetchedAt);
            if (record.HttpStatus is { } status)
            {
                writer.WriteNumber("httpStatus", status);
            }
            else
            {
                writer.WriteNull("httpStatus");
            }

            writer.WriteNumber("version", record.Version);
            if (record.Hints is { Count: > 0 } hints)
            {
                writer.WriteStartObject("hints");
                foreach (var (key, value) in hints.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            if (record.NearDuplicate is { } near)
            {
                writer.WriteStartObject("nearDuplicate");
                writer.WriteString("of", near.Of);
                writer.WriteString("relation", near.RelationName);
                writer.WriteNumber("similarity", near.Similarity);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        // {article…} + {tail…} → {article…,tail…}\n (an article always has properties, so the comma is right).
        var written = tail.WrittenSpan;
        var line = new byte[article.Length + written.Length];
        article.AsSpan(0, article.Length - 1).CopyTo(line);
        line[article.Length - 1] = (byte)',';
        written[1..^1].CopyTo(line.AsSpan(article.Length));
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }
}
