using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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
    // RecordJson.Compact's encoder, named here: reading it would build the serializer's options, which no line needs.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>The record as one line of JSON, without the line break.</summary>
    public static string Serialize(StoredRecord record)
    {
        var line = SerializeLine(record);
        return Encoding.UTF8.GetString(line, 0, line.Length - 1);
    }

    /// <summary>The record as one UTF-8 line of JSON, line break included.</summary>
    public static byte[] SerializeLine(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // One object by one writer: the extraction's own record writer (the bytes the extract command prints), then
        // the storage fields. Buffer and writer are kept per thread, so a page costs only its line's array.
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        RecordJson.WriteProperties(writer, record.Article);
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
        writer.Flush();
        var written = buffer.WrittenSpan;
        var line = new byte[written.Length + 1];
        written.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }
}
