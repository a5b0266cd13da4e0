using System.Text.Json.Nodes;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// The records a real <c>once</c> writes, from feeds, a sitemap and local files, are valid against
/// <c>docs/stored-record.schema.json</c>, and that schema names every field of the extraction record.
/// </summary>
public sealed class StoredRecordSchemaTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        LoopbackSites.ServeNewsSiteWithArticles(_server, paywalled: 2);
        _work.WithPages(2);
    }

    [Fact]
    public async Task Every_record_once_writes_from_feeds_sitemaps_and_files_is_valid_against_the_stored_record_schema()
    {
        E2eConfig.Write(_work, $$"""
            { "Name": "feeds", "Feeds": [ "{{_server.Url("/rss.xml")}}", "{{_server.Url("/atom.xml")}}" ] },
            { "Name": "maps", "Sitemaps": [ "{{_server.Url("/sitemap_index.xml.gz")}}" ] },
            { "Name": "files", "Urls": [ "pages" ] }
            """);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));

        var lines = Directory.GetFiles(_work.RecordsDirectory, "*.jsonl").SelectMany(File.ReadAllLines).ToList();
        Assert.True(lines.Count >= 5, $"{lines.Count} records\n{result}");
        Assert.Contains(lines, line => line.Contains("\"hints\":", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(StoredRecordSchema.Errors(line).Count == 0,
            $"{string.Join('\n', StoredRecordSchema.Errors(line))}\n{line}"));

        // The schema is closed: a misspelt storage field, or one it does not describe, makes a real record invalid.
        var record = JsonNode.Parse(lines[0])!.AsObject();
        record["sourceName"] = record["source"]!.DeepClone();
        record.Remove("source");
        Assert.NotEmpty(StoredRecordSchema.Errors(record.ToJsonString()));
    }

    [Fact]
    public void The_stored_record_schema_refers_to_every_field_of_the_extraction_record_and_requires_what_it_requires()
    {
        var stored = StoredRecordSchema.StoredDocument;
        var record = StoredRecordSchema.RecordDocument;
        var storedProperties = stored["properties"]!.AsObject();

        foreach (var (name, _) in record["properties"]!.AsObject())
        {
            Assert.True(storedProperties.ContainsKey(name), $"stored-record.schema.json lacks '{name}'");
            Assert.Equal($"../record/v1.json#/properties/{name}", storedProperties[name]!["$ref"]!.GetValue<string>());
        }

        var required = stored["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(record["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal), required);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }
}
