using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsIngest.Extraction.Serialization;

/// <summary>Writes and reads <see cref="ArticleRecord"/> as JSON, indented or compact (one line, for JSON Lines).</summary>
public static class RecordJson
{
    /// <summary>Options for one-line output; readable non-ASCII text (no \u escapes) and camelCase enums.</summary>
    public static JsonSerializerOptions Compact => SerializerOptions.Compact;

    /// <summary>Options for indented output.</summary>
    public static JsonSerializerOptions Indented => SerializerOptions.Indented;

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions IndentedWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The record as JSON: what <see cref="JsonSerializer"/> writes with these options, by <see cref="RecordWriter"/>.</summary>
    public static string Serialize(ArticleRecord record, bool indented = true) =>
        RecordWriter.Write(record, indented ? IndentedWriter : CompactWriter);

    /// <summary>
    /// Writes the record's properties into the object <paramref name="writer"/> has open, as <see cref="Serialize"/>
    /// writes them: for a caller that adds fields of its own to the same object (the stored record).
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter writer, ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        RecordWriter.WriteProperties(writer, record);
    }

    public static ArticleRecord? Deserialize(string json) =>
        JsonSerializer.Deserialize<ArticleRecord>(json, Compact);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(RecordJsonContext.Default.Options)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Built at first use, not with <see cref="Serialize"/>'s writer options: the serializer's options (a resolver
    /// over the generated context, the enum converter) were about 40% of the CPU of writing a cold <c>extract</c>'s
    /// record.
    /// </summary>
    private static class SerializerOptions
    {
        public static readonly JsonSerializerOptions Compact = Create(indented: false);

        public static readonly JsonSerializerOptions Indented = Create(indented: true);
    }
}
