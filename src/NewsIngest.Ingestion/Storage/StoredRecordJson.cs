using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsIngest.Extraction.Serialization;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Writes a <see cref="StoredRecord"/> as one flat JSON object: every extraction field (with
/// <see cref="RecordJson.Compact"/>), then <c>source</c>, <c>fetchedAt</c>, <c>httpStatus</c>, <c>version</c> and
/// <c>hints</c> when there are any.
/// </summary>
public static class StoredRecordJson
{
    /// <summary>The record as one line of JSON, without the line break.</summary>
    public static string Serialize(StoredRecord record)
    {
        var json = JsonSerializer.SerializeToNode(record.Article, RecordJson.Compact)!.AsObject();
        json["source"] = record.Source;
        json["fetchedAt"] = JsonValue.Create(record.FetchedAt);
        json["httpStatus"] = record.HttpStatus is { } status ? JsonValue.Create(status) : null;
        json["version"] = record.Version;
        if (record.Hints is { Count: > 0 } hints)
        {
            var node = new JsonObject();
            foreach (var (key, value) in hints.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                node[key] = value;
            }

            json["hints"] = node;
        }

        return json.ToJsonString(RecordJson.Compact);
    }

    /// <summary>The record as one UTF-8 line of JSON, line break included.</summary>
    public static byte[] SerializeLine(StoredRecord record) => Encoding.UTF8.GetBytes(Serialize(record) + "\n");
}
