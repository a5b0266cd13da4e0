namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>robots.txt as the real executable obeys it over HTTP.</summary>
public sealed class RobotsPassTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync() => _server = await NewsServer.StartAsync();

    [Fact]
    public async Task A_page_disallowed_by_robots_txt_is_never_requested_and_is_counted_robots_denied()
    {
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        foreach (var path in new[] { "/news/open", "/private/memo" })
        {
            _server.Serve(path, "text/html", ArticlePage.Html(_server.Url(path), "Budget talks resume", "Negotiators returned to the table on Monday."));
        }

        E2eConfig.Write(_work, $$"""{ "Name": "loop", "Urls": [ "{{_server.Url("/news/open")}}", "{{_server.Url("/private/memo")}}" ] }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, Workspace.Count(result.Stdout, "robots-denied"));
        Assert.Equal(1, Workspace.Count(result.Stdout, "new"));
        Assert.Empty(_server.SeenAt("/private/memo"));
        Assert.NotEmpty(_server.SeenAt("/robots.txt"));
        Assert.Equal(_server.Url("/news/open"), Assert.Single(_work.Records()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_503_robots_txt_is_counted_robots_unavailable_apart_from_denied_and_exits_1()
    {
        // Given a healthy host and a host whose robots.txt answers 503
        await using var down = await NewsServer.StartAsync();
        down.Fail("/robots.txt", 503);
        down.Serve("/news/down", "text/html", ArticlePage.Html(down.Url("/news/down"), "Rates held", "The central bank held rates on Thursday."));
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        _server.Serve("/news/open", "text/html", ArticlePage.Html(_server.Url("/news/open"), "Budget talks resume", "Negotiators returned to the table on Monday."));
        E2eConfig.Write(_work, $$"""{ "Name": "loop", "Urls": [ "{{_server.Url("/news/open")}}", "{{down.Url("/news/down")}}" ] }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(30));

        // Then the outage is its own count, the pass exits 1, the healthy page is recorded and the other never asked for
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(1, Workspace.Count(result.Stdout, "robots-unavailable"));
        Assert.Equal(0, Workspace.Count(result.Stdout, "robots-denied"));
        Assert.Equal(1, Workspace.Count(result.Stdout, "new"));
        Assert.Empty(down.SeenAt("/news/down"));
        Assert.Equal(_server.Url("/news/open"), Assert.Single(_work.Records()).GetProperty("url").GetString());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }
}
