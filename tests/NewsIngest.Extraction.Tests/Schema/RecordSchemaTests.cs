using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NewsIngest.Extraction.Serialization;
using NewsIngest.Extraction.Tests.Samples;

namespace NewsIngest.Extraction.Tests.Schema;

/// <summary>
/// <c>docs/record.schema.json</c> describes the records the extractor writes: every sample's record is valid, a
/// record missing a required field or carrying an unknown enum value is not, and the schema names exactly the
/// properties the record types have, so the two cannot drift apart silently.
/// </summary>
public sealed class RecordSchemaTests
{
    public static TheoryData<string> Pages => SamplePages.Names;

    public static TheoryData<string> RequiredFields =>
    [
        "schemaVersion", "id", "authors", "preview", "paywall", "removed", "contentHash", "extractor",
        "preview.blocks", "preview.text", "preview.wordCount", "preview.blocks[0].type", "preview.blocks[0].text",
        "paywall.status", "paywall.hiddenWords", "paywall.signals",
        "removed.boilerplate", "removed.duplicates", "removed.hidden", "removed.wall",
        "extractor.name", "extractor.version",
    ];

    public static TheoryData<string, string> InvalidValues => new()
    {
        { "preview.blocks[0].type", "\"bullet\"" },
        { "paywall.status", "\"maybe\"" },
        { "paywall.status", "\"Paywalled\"" },
        { "paywall.kind", "\"soft\"" },
        { "paywall.declaredWordCount", "-1" },
        { "preview.blocks[0].text", "\"\"" },
        { "publishedAt", "\"last Tuesday\"" },
        { "schemaVersion", "2" },
        { "siteTemplate.version", "\"v1\"" },
        { "headline", "42" },
        { "surprise", "\"a property the schema does not name\"" },
    };

    [Fact]
    public void Schema_is_a_valid_draft_2020_12_schema()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)RecordSchema.Document["$schema"]);
        Assert.Empty(RecordSchema.Evaluate(MetaSchemas.Draft202012, RecordSchema.Document));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Record_of_every_sample_page_is_valid(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();

        var errors = RecordSchema.Errors(ExpectedRecord.ToJson(record));

        Assert.True(errors.Count == 0, $"{name}: " + string.Join("\n", errors));
    }

    [Fact]
    public void A_record_with_every_field_filled_is_valid()
    {
        Assert.Empty(RecordSchema.Errors(ExpectedRecord.ToJson(SchemaRecords.Full())));
    }

    [Fact]
    public void A_record_with_only_the_required_members_is_valid()
    {
        Assert.Empty(RecordSchema.Errors(ExpectedRecord.ToJson(SchemaRecords.Minimal())));
    }

    [Fact]
    public void A_record_written_without_its_null_fields_is_valid()
    {
        var compact = JsonSerializer.Serialize(
            SchemaRecords.Minimal(),
            new JsonSerializerOptions(RecordJson.Compact) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

        Assert.Empty(RecordSchema.Errors(JsonNode.Parse(compact)));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void A_record_missing_a_required_field_is_invalid(string path)
    {
        var json = ExpectedRecord.ToJson(SchemaRecords.Full());
        JsonPath.Remove(json, path);

        Assert.NotEmpty(RecordSchema.Errors(json));
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void A_record_with_a_value_outside_its_type_is_invalid(string path, string value)
    {
        var json = ExpectedRecord.ToJson(SchemaRecords.Full());
        JsonPath.Set(json, path, JsonNode.Parse(value));

        Assert.NotEmpty(RecordSchema.Errors(json));
    }

    [Fact]
    public void Schema_names_exactly_the_properties_of_the_record_types()
    {
        var defs = RecordSchema.Document["$defs"]!;
        (Type Type, JsonNode Schema)[] pairs =
        [
            (typeof(ArticleRecord), RecordSchema.Document),
            (typeof(Preview), defs["preview"]!),
            (typeof(PreviewBlock), defs["previewBlock"]!),
            (typeof(PaywallInfo), defs["paywall"]!),
            (typeof(RemovedCounts), defs["removed"]!),
            (typeof(ExtractorInfo), defs["extractor"]!),
            (typeof(SiteTemplateInfo), defs["siteTemplate"]!),
        ];

        foreach (var (type, schema) in pairs)
        {
            var inType = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .Order(StringComparer.Ordinal);
            var inSchema = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

            Assert.Equal(inType, inSchema);
            Assert.False((bool?)schema["additionalProperties"] ?? true, $"{type.Name}: unknown properties must be rejected");
        }
    }
}
