using System.Buffers;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Extraction.Serialization;

/// <summary>
/// Writes <see cref="ArticleRecord"/> property by property to a <see cref="Utf8JsonWriter"/>: the bytes
/// <see cref="JsonSerializer"/> writes with <see cref="RecordJson.Compact"/> or <see cref="RecordJson.Indented"/>
/// (a test compares them on every sample page and on records with every field set, and fails on a property of the
/// record types this writer leaves out). The serializer first builds metadata per property, generic code over the
/// framework's types that ReadyToRun cannot precompile: some 360 methods JIT-compiled at every start of
/// <c>extract</c>, a quarter of its CPU. The generated fast writer is not emitted for the record: its enums take a
/// converter.
/// </summary>
internal static class RecordWriter
{
    public static string Write(ArticleRecord record, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, ArticleRecord record)
    {
        writer.WriteStartObject();
        WriteProperties(writer, record);
        writer.WriteEndObject();
    }

    /// <summary>The record's properties, in order, into the object <paramref name="writer"/> has open.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, ArticleRecord record)
    {
        writer.WriteNumber("schemaVersion", record.SchemaVersion);
        writer.WriteString("id", record.Id);
        writer.WriteString("url", record.Url);
        writer.WriteString("canonicalUrl", record.CanonicalUrl);
        writer.WriteString("siteName", record.SiteName);
        writer.WriteString("language", record.Language);
        writer.WriteString("headline", record.Headline);
        writer.WriteString("dek", record.Dek);
        writer.WriteString("section", record.Section);
        Strings(writer, "authors", record.Authors);
        Moment(writer, "publishedAt", record.PublishedAt);
        Moment(writer, "modifiedAt", record.ModifiedAt);
        Preview(writer, record.Preview);
        Paywall(writer, record.Paywall);
        Removed(writer, record.Removed);
        writer.WriteString("contentHash", record.ContentHash);
        writer.WriteString("fingerprint", record.Fingerprint);
        writer.WriteStartObject("extractor");
        writer.WriteString("name", record.Extractor.Name);
        writer.WriteString("version", record.Extractor.Version);
        writer.WriteEndObject();
        if (record.SiteTemplate is { } template)
        {
            writer.WriteStartObject("siteTemplate");
            writer.WriteString("site", template.Site);
            writer.WriteString("version", template.Version);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("siteTemplate");
        }
    }

    private static void Preview(Utf8JsonWriter writer, Preview preview)
    {
        writer.WriteStartObject("preview");
        writer.WriteStartArray("blocks");
        foreach (var block in preview.Blocks)
        {
            writer.WriteStartObject();
            writer.WriteString("type", Name(block.Type));
            writer.WriteString("text", block.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("text", preview.Text);
        writer.WriteNumber("wordCount", preview.WordCount);
        writer.WriteEndObject();
    }

    private static void Paywall(Utf8JsonWriter writer, PaywallInfo paywall)
    {
        writer.WriteStartObject("paywall");
        writer.WriteString("status", Name(paywall.Status));
        writer.WriteString("kind", paywall.Kind);
        writer.WriteString("marker", paywall.Marker);
        if (paywall.DeclaredWordCount is { } declared)
        {
            writer.WriteNumber("declaredWordCount", declared);
        }
        else
        {
            writer.WriteNull("declaredWordCount");
        }

        if (paywall.AccessibleForFree is { } free)
        {
            writer.WriteBoolean("accessibleForFree", free);
        }
        else
        {
            writer.WriteNull("accessibleForFree");
        }

        writer.WriteString("contentTier", paywall.ContentTier);
        writer.WriteNumber("hiddenWords", paywall.HiddenWords);
        Strings(writer, "signals", paywall.Signals);
        writer.WriteEndObject();
    }

    private static void Removed(Utf8JsonWriter writer, RemovedCounts removed)
    {
        writer.WriteStartObject("removed");
        writer.WriteNumber("boilerplate", removed.Boilerplate);
        writer.WriteNumber("duplicates", removed.Duplicates);
        writer.WriteNumber("hidden", removed.Hidden);
        writer.WriteNumber("wall", removed.Wall);
        writer.WriteNumber("template", removed.Template);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Moment(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } moment)
        {
            writer.WriteString(name, moment);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // The names JsonStringEnumConverter with the camelCase policy writes.
    private static string Name(BlockType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static string Name(PaywallStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
