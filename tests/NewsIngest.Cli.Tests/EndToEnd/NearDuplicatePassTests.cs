using System.Text.Json;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// One story under three URLs of one site (the article, an AMP copy, a slug change with one sentence rewritten), then
/// on a second site in full and as a teaser: <c>once</c> annotates every later record with the earliest record's id
/// and how it relates, also after a restart (a second <c>once</c>: the index is in the state file).
/// </summary>
public sealed class NearDuplicatePassTests : IAsyncLifetime
{
    private const string Lead = "The port authority agreed on Monday to sell its container terminal to a consortium of three shipping lines, ending two years of talks that had stalled over the price of the land beside the river and the future of the workers employed at the quays.";
    private const string Second = "Under the terms of the deal the buyers will keep every dock worker for at least five years, invest in new cranes for the northern berth and dredge the channel so that larger vessels can call at the port without waiting for the tide.";
    private const string Third = "Local councillors welcomed the agreement, although several said they would ask the authority to publish the full contract before the sale is completed in the spring, so that residents can see what was promised in their name.";
    private const string Rewritten = "Several councillors were cautious about the agreement and asked for the whole contract to be published before the sale is completed next spring, so that residents can read every promise made in their name by the board.";

    private readonly Workspace _work = new();
    private NewsServer _site = null!;
    private NewsServer _wire = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsServer.StartAsync();
        _wire = await NewsServer.StartAsync();
        _site.Serve("/news/port-sale", "text/html; charset=utf-8", Page("news", [Lead, Second, Third]));
        _site.Serve("/amp/port-sale", "text/html; charset=utf-8", Page("amp", [Lead, Second, Third]));
        _site.Serve("/news/port-sale-agreed", "text/html; charset=utf-8", Page("news", [Lead, Second, Rewritten]));
        _wire.Serve("/wire/port-sale", "text/html; charset=utf-8", Page("wire", [Lead, Second, Third]));
        _wire.Serve("/brief/port-sale", "text/html; charset=utf-8", Page("brief", [Lead], paywalled: true));
    }

    [Fact]
    public async Task Later_copies_name_the_first_record_and_their_relation_also_after_a_restart()
    {
        // Given the site's three addresses of the story, one page at a time (so the first listed is the earliest)
        WriteConfig(Source("site", _site.Url("/news/port-sale"), _site.Url("/amp/port-sale"), _site.Url("/news/port-sale-agreed")));
        var first = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));
        Assert.True(first.ExitCode == 0, first.ToString());

        // When a second run (the state reopened) reads the story on another site, in full and as a teaser
        WriteConfig(Source("site", _site.Url("/news/port-sale"), _site.Url("/amp/port-sale"), _site.Url("/news/port-sale-agreed"))
            + ",\n" + Source("wire", _wire.Url("/wire/port-sale"), _wire.Url("/brief/port-sale")));
        var second = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));
        Assert.True(second.ExitCode == 0, second.ToString());

        // Then every later record names the first one and says how it relates
        var records = _work.Records().ToDictionary(r => new Uri(r.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Equal(5, records.Count);
        var root = records["/news/port-sale"];
        Assert.False(root.TryGetProperty("nearDuplicate", out _), root.ToString());
        var of = root.GetProperty("id").GetString();
        AssertNear(records["/amp/port-sale"], of, "same-text", 1);
        AssertNear(records["/news/port-sale-agreed"], of, "near-duplicate", null);
        AssertNear(records["/wire/port-sale"], of, "syndicated", 1);
        AssertNear(records["/brief/port-sale"], of, "preview-of", 1);
        Assert.All(records.Values, r => Assert.Matches("^[0-9a-f]{16}$", r.GetProperty("fingerprint").GetString()));
    }

    [Fact]
    public async Task With_SkipSameText_a_same_text_copy_from_another_url_is_counted_and_not_written()
    {
        WriteConfig(Source("site", _site.Url("/news/port-sale"), _site.Url("/amp/port-sale"), _site.Url("/news/port-sale-agreed")),
            skipSameText: true);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("same-text skipped 1", result.Stdout, StringComparison.Ordinal);
        var paths = _work.Records().Select(r => new Uri(r.GetProperty("url").GetString()!).AbsolutePath).Order();
        Assert.Equal(["/news/port-sale", "/news/port-sale-agreed"], paths);
    }

    private static void AssertNear(JsonElement record, string? of, string relation, double? similarity)
    {
        Assert.True(record.TryGetProperty("nearDuplicate", out var near), record.ToString());
        Assert.Equal(of, near.GetProperty("of").GetString());
        Assert.Equal(relation, near.GetProperty("relation").GetString());
        var measured = near.GetProperty("similarity").GetDouble();
        if (similarity is { } expected)
        {
            Assert.Equal(expected, measured);
        }
        else
        {
            Assert.InRange(measured, 0.25, 0.99);
        }
    }

    private static string Source(string name, params string[] urls) =>
        $$"""{ "Name": "{{name}}", "Urls": [ {{string.Join(", ", urls.Select(u => $"\"{u}\""))}} ] }""";

    private void WriteConfig(string sources, bool skipSameText = false) => File.WriteAllText(_work.ConfigPath, $$"""
        {
          "NewsIngest": {
            "Sources": [ {{sources}} ],
            "Output": { "Directory": "data/records" },
            "State": { "Path": "data/state/newsingest.db" },
            "Http": { "AllowPrivateNetworks": true, "MaxRetries": 1, "AttemptTimeout": "00:00:03", "TotalTimeout": "00:00:08" },
            "Politeness": { "MinDelay": "00:00:00" },
            "Pass": { "MaxConcurrency": 1, "MaxDiscoveryConcurrency": 1 },
            "NearDuplicates": { "SkipSameText": {{(skipSameText ? "true" : "false")}} }
          }
        }
        """);

    /// <summary>A page of the story in its site's markup (different chrome per kind), without a canonical link.</summary>
    private static string Page(string kind, string[] paragraphs, bool paywalled = false) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Port terminal sold to shipping lines | {kind}</title></head>
        <body class="{kind}">
        <header><nav><a href="/">Home</a> <a href="/business">Business</a></nav></header>
        <main><article>
        <h1>Port terminal sold to shipping lines</h1>
        {string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n"))}
        {(paywalled ? """<div class="paywall"><h2>To read the full story</h2><p>Subscribe for unlimited access.</p></div>""" : "")}
        </article></main>
        <footer><p>© {kind} media</p></footer>
        </body></html>
        """;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _wire.DisposeAsync();
        _work.Dispose();
    }
}
