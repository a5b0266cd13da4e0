namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>A page longer than <c>Http:MaxBodyBytes</c> is recorded from what was read, and its record says so.</summary>
public sealed class BodyCutTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync() => _server = await NewsServer.StartAsync();

    [Fact]
    public async Task A_body_cut_at_the_cap_gives_a_record_with_the_body_cut_signal()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 200).Select(i => $"Paragraph {i} of the long harbour report, with more words in it. "));
        _server.Serve("/long", "text/html; charset=utf-8", ArticlePage.Html(_server.Url("/long"), "A long report", paragraphs));
        _server.Serve("/short", "text/html; charset=utf-8", ArticlePage.Html(_server.Url("/short"), "A short report", "Volumes rose."));
        E2eConfig.Write(_work, $$"""{ "Name": "list", "Urls": [ "{{_server.Url("/long")}}", "{{_server.Url("/short")}}" ] }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"),
            new Dictionary<string, string> { ["NEWSINGEST_HTTP__MAXBODYBYTES"] = "4096" });

        Assert.True(result.ExitCode == 0, result.ToString());
        var signals = _work.Records().ToDictionary(
            r => r.GetProperty("url").GetString()!,
            r => r.GetProperty("paywall").GetProperty("signals").EnumerateArray().Select(s => s.GetString()).ToList());
        Assert.Contains("input:body-cut-at=4096", signals[_server.Url("/long")]);
        Assert.DoesNotContain(signals[_server.Url("/short")], s => s!.StartsWith("input:body-cut", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }
}
