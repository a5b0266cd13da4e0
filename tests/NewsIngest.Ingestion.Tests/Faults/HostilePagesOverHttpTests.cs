using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Faults;

/// <summary>
/// The hostile pages of issue 14 served by a real Kestrel host on loopback and read by one pass, as a crawl meets them:
/// each gives its record with the right text (charsets per the WHATWG Encoding standard, a NUL byte, an attribute
/// flood, a 200,000-character token, a flood of paragraphs). See <see cref="FaultMatrix"/> for the whole matrix.
/// </summary>
public sealed class HostilePagesOverHttpTests : IAsyncLifetime
{
    private const string Prose = "The council said on Tuesday that the vote on the new budget would take place before the summer recess.";
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private LoopbackServer _server = null!;

    /// <summary>Each page: its path, Content-Type, body, and a text its record's preview must hold.</summary>
    private static readonly (string Path, string ContentType, byte[] Body, string Expected)[] Pages =
    [
        ("/latin1", "text/html; charset=iso-8859-1", Latin1("<p>The mayor said \x93we will act\x94 on the budget. " + Prose + "</p>"), "said \u201cwe will act\u201d on"),
        ("/us-ascii", "text/html; charset=us-ascii", Latin1("<p>The caf\xe9 owner spoke. " + Prose + "</p>"), "The caf\u00e9 owner spoke."),
        ("/bom", "text/html; charset=iso-8859-1", [0xEF, 0xBB, 0xBF, .. Wrap(Utf8("<p>Caf\u00e9 owners met. " + Prose + "</p>"))], "Caf\u00e9 owners met."),
        ("/meta-on-utf8", "text/html", Utf8("<meta charset=\"windows-1252\"><p>Na\u00efve caf\u00e9 policy. " + Prose + "</p>"), "Na\u00efve caf\u00e9 policy."),
        ("/nul", "text/html; charset=utf-8", Utf8("<p>One NUL\0 byte here. " + Prose + "</p>"), "byte here."),
        ("/attribute-flood", "text/html; charset=utf-8", Utf8(AttributeFlood(130_000)), "Flooded paragraph."),
        ("/long-token", "text/html; charset=utf-8", Utf8($"<p>{Prose}</p><p>{new string('a', 200_000)}</p>"), Prose),
        ("/paragraph-flood", "text/html; charset=utf-8", Utf8(string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<p>Paragraph {i} of a page that never ends.</p>"))), "Paragraph 0 of a page"),
    ];

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
        foreach (var page in Pages)
        {
            // The BOM page is whole already: its byte-order mark must come first.
            var body = page.Body is [0xEF, 0xBB, 0xBF, ..] ? page.Body : Wrap(page.Body);
            app.MapGet(page.Path, () => Results.Bytes(body, page.ContentType));
        }
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Each_hostile_page_served_over_http_gives_its_record_with_the_right_text()
    {
        var settings = new Dictionary<string, string?> { ["NewsIngest:Sources:0:Name"] = "hostile" };
        for (var i = 0; i < Pages.Length; i++)
        {
            settings[$"NewsIngest:Sources:0:Urls:{i}"] = _server.Url(Pages[i].Path).AbsoluteUri;
        }

        await using var harness = await RuntimeHarness.OpenAsync(_dir.Path, _time, settings);
        var summary = await harness.OnceAsync(_time);

        Assert.Equal((Pages.Length, Pages.Length, 0), (summary.Pages, summary.New, summary.Failed));
        var records = Records();
        foreach (var page in Pages)
        {
            var record = records[_server.Url(page.Path).AbsoluteUri];
            var text = record.GetProperty("preview").GetProperty("text").GetString()!;
            Assert.True(text.Contains(page.Expected, StringComparison.Ordinal), $"{page.Path}: {text[..Math.Min(200, text.Length)]}");
            Assert.DoesNotContain("\u00ef\u00bb\u00bf", text, StringComparison.Ordinal);
        }

        var flood = records[_server.Url("/paragraph-flood").AbsoluteUri];
        Assert.Contains("preview:cut-at-blocks=2000", flood.GetProperty("paywall").GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
    }

    private Dictionary<string, JsonElement> Records() => Directory.GetFiles(Path.Combine(_dir.Path, "records"), "*.jsonl")
        .SelectMany(File.ReadAllLines)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToDictionary(r => r.GetProperty("url").GetString()!, StringComparer.Ordinal);

    private static byte[] Wrap(byte[] body) =>
        [.. Encoding.ASCII.GetBytes("<html><head><title>Hostile</title></head><body><article><h1>A hostile page</h1>"), .. body, .. Encoding.ASCII.GetBytes("</article></body></html>")];

    private static string AttributeFlood(int attributes)
    {
        var tag = new StringBuilder("<p");
        for (var i = 0; i < attributes; i++)
        {
            tag.Append(" a").Append(i).Append("=\"v\"");
        }

        return tag.Append(">Flooded paragraph. ").Append(Prose).Append("</p>").ToString();
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
