using System.Net;
using System.Net.Sockets;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>One source on a host that refuses connections must not cost another source its records.</summary>
public sealed class DeadHostPassTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync() => _server = await NewsServer.StartAsync();

    [Fact]
    public async Task A_dead_host_fails_its_pages_exits_1_and_the_live_source_is_fully_recorded()
    {
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        var live = new[] { "/live/1", "/live/2", "/live/3" };
        foreach (var path in live)
        {
            _server.Serve(path, "text/html", ArticlePage.Html(_server.Url(path), $"Port strike day {path[^1]}", $"Dockworkers stayed out for day {path[^1]} of the strike."));
        }

        var dead = $"http://127.0.0.1:{ClosedPort()}";
        E2eConfig.Write(_work, $$"""
            { "Name": "dead", "Urls": [ "{{dead}}/news/a", "{{dead}}/news/b" ] },
            { "Name": "live", "Urls": [ {{string.Join(", ", live.Select(p => $"\"{_server.Url(p)}\""))}} ] }
            """);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(Workspace.Count(result.Stdout, "failed") > 0, result.ToString());
        Assert.Equal(3, Workspace.Count(result.Stdout, "new"));
        var records = _work.Records();
        Assert.Equal(live.Select(_server.Url).Order(StringComparer.Ordinal), records.Select(r => r.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal("live", r.GetProperty("source").GetString()));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    // A port that was just free: bound, read, released. Nothing listens there for the few seconds of the test.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
