using System.Text.Json.Serialization;

namespace NewsIngest.Extraction.Serialization;

/// <summary>Source-generated JSON metadata for the record: camelCase names, enums as camelCase strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ArticleRecord))]
public sealed partial class RecordJsonContext : JsonSerializerContext;
