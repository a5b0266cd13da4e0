using System.Text.Json;
using System.Text.Json.Nodes;
using NewsIngest.Extraction.Serialization;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

public sealed class StoredRecordJsonTests
{
    public static TheoryData<StoredRecord> Cases() => new()
    {
        Records.Stored("plain"),
        Records.Stored("ünïcödé “quotes” <b>&amp;", "texte en français — avec des « guillemets »", version: 3) with { HttpStatus = null },
        Records.Stored("hinted") with
        {
            Hints = new Dictionary<string, string> { ["title"] = "A \"title\"\n", ["guid"] = "g-1", ["feed"] = "https://x.test/rss" },
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_line_is_the_extraction_record_then_the_storage_fields_byte_for_byte_as_the_document_form_writes_them(StoredRecord record)
    {
        var line = StoredRecordJson.SerializeLine(record);

        Assert.Equal(Document(record) + "\n", System.Text.Encoding.UTF8.GetString(line));
        Assert.Equal(Document(record), StoredRecordJson.Serialize(record));
    }

    /// <summary>The reference form: the record as a JSON DOM with the storage fields added after its own.</summary>
    private static string Document(StoredRecord record)
    {
        var json = JsonSerializer.SerializeToNode(record.Article, RecordJson.Compact)!.AsObject();
        json["source"] = record.Source;
        json["fetchedAt"] = JsonValue.Create(record.FetchedAt);
        json["httpStatus"] = record.HttpStatus is { } status ? JsonValue.Create(status) : null;
        json["version"] = record.Version;
        if (record.Hints is { Count: > 0 } hints)
        {
            json["hints"] = new JsonObject(hints.OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        }

        return json.ToJsonString(RecordJson.Compact);
    }
}
