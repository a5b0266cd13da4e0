namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary><c>newsingest once</c> against a real HTTP server: 304s on the second pass, a new version when a teaser changes.</summary>
public sealed class ConditionalPassTests : IAsyncLifetime
{
    private static readonly string[] Paths = ["/news/1", "/news/2", "/news/3", "/news/4", "/news/5"];
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        foreach (var path in Paths)
        {
            ServeArticle(path, $"The central bank held rates at story {path[^1]}, citing sticky services inflation.");
        }

        var urls = string.Join(", ", Paths.Select(p => $"\"{_server.Url(p)}\""));
        E2eConfig.Write(_work, $$"""{ "Name": "loop", "Urls": [ {{urls}} ] }""");
    }

    [Fact]
    public async Task A_second_pass_sends_conditional_requests_gets_304s_and_writes_nothing()
    {
        var first = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));
        var second = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(5, Workspace.Count(first.Stdout, "new"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, Workspace.Count(second.Stdout, "fetched"));
        Assert.Equal(0, Workspace.Count(second.Stdout, "new"));
        Assert.Equal(5, Workspace.Count(second.Stdout, "not modified"));
        Assert.Equal(5, _work.Records().Count);
        foreach (var path in Paths)
        {
            // First request plain, second one carries the validators the server sent and is answered 304.
            var requests = _server.SeenAt(path);
            Assert.Equal(2, requests.Count);
            Assert.False(requests[0].IsConditional, $"{path}: the first request had validators");
            Assert.True(requests[1].IsConditional, $"{path}: the second request had no validators");
            Assert.Equal(304, requests[1].Status);
        }
    }

    [Fact]
    public async Task A_changed_teaser_yields_exactly_one_new_record_with_version_2()
    {
        await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));
        await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));
        ServeArticle("/news/3", "The central bank cut rates by a quarter point, surprising most economists polled.");

        var third = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));

        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(1, Workspace.Count(third.Stdout, "fetched"));
        Assert.Equal(1, Workspace.Count(third.Stdout, "changed"));
        Assert.Equal(4, Workspace.Count(third.Stdout, "not modified"));
        var records = _work.Records();
        Assert.Equal(6, records.Count);
        var latest = records[^1];
        Assert.Equal(_server.Url("/news/3"), latest.GetProperty("url").GetString());
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Contains("cut rates by a quarter point", latest.GetProperty("preview").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, _server.SeenAt("/news/3")[^1].Status);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    private void ServeArticle(string path, string teaser) =>
        _server.Serve(path, "text/html; charset=utf-8", ArticlePage.Html(_server.Url(path), $"Rates decision {path[^1]}", teaser));
}
