using System.Text.Json;
using NewsIngest.Cli.Tests.EndToEnd;

namespace NewsIngest.Cli.Tests.Inspection;

/// <summary>
/// A state and output made by two real <c>once</c> runs over two loopback hosts, for the inspection commands to read.
/// Host "news": /news/steady (recorded, then 304), /news/moving (recorded, then changed: version 2), /news/gone
/// (404 both times). Host "down": /news/down (503 both times). Source "loop", schedule every 10 minutes.
/// </summary>
public sealed class InspectedState : IAsyncLifetime
{
    /// <summary>The test collection that shares one state (made once, read by every inspection test).</summary>
    public const string Collection = "inspected state";

    private NewsServer _news = null!;
    private NewsServer _down = null!;

    internal Workspace Work { get; } = new();

    public string Steady => _news.Url("/news/steady");

    public string Moving => _news.Url("/news/moving");

    public string Gone => _news.Url("/news/gone");

    public string Down => _down.Url("/news/down");

    /// <summary>The If-None-Match the second pass sent for /news/steady: the ETag the state kept.</summary>
    public string SteadyETag { get; private set; } = "";

    public string StatePath => Path.Combine(Work.Root, "data", "state", "newsingest.db");

    public string NewsHost => _news.BaseUri.Authority;

    public string DownHost => _down.BaseUri.Authority;

    internal CliResult SecondPass { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _news = await NewsServer.StartAsync();
        _down = await NewsServer.StartAsync();
        _news.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        _news.Serve("/news/steady", "text/html", ArticlePage.Html(Steady, "Budget talks resume", "Negotiators returned to the table on Monday."));
        _news.Serve("/news/moving", "text/html", ArticlePage.Html(Moving, "Rates held", "The central bank held rates on Thursday."));
        _down.Fail("/news/down", 503);
        File.WriteAllText(Work.ConfigPath, $$"""
            {
              "NewsIngest": {
                "Sources": [ { "Name": "loop", "Schedule": "00:10:00",
                               "Urls": [ "{{Steady}}", "{{Moving}}", "{{Gone}}", "{{Down}}" ] } ],
                "Output": { "Directory": "data/records" },
                "State": { "Path": "data/state/newsingest.db" },
                "Http": { "AllowPrivateNetworks": true, "MaxRetries": 1, "RetryBaseDelay": "00:00:00.050",
                          "AttemptTimeout": "00:00:03", "TotalTimeout": "00:00:08" },
                "Politeness": { "MinDelay": "00:00:00.010", "CooldownBase": "00:00:00.010", "MaxCooldown": "00:00:00.050" },
                "Pass": { "MaxConcurrencyPerHost": 4 }
              }
            }
            """);

        var first = await NewsIngestExecutable.RunAsync(Work.Args("once"), timeout: TimeSpan.FromSeconds(60));
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal(2, Workspace.Count(first.Stdout, "new"));
        _news.Serve("/news/moving", "text/html", ArticlePage.Html(Moving, "Rates cut", "The central bank cut rates by a quarter point on Friday."));
        SecondPass = await NewsIngestExecutable.RunAsync(Work.Args("once"), timeout: TimeSpan.FromSeconds(60));
        Assert.True(SecondPass.ExitCode == 1, SecondPass.ToString());
        Assert.Equal(1, Workspace.Count(SecondPass.Stdout, "changed"));
        Assert.Equal(1, Workspace.Count(SecondPass.Stdout, "not modified"));
        Assert.Equal(2, Workspace.Count(SecondPass.Stdout, "failed"));
        SteadyETag = _news.SeenAt("/news/steady")[^1].IfNoneMatch;
    }

    /// <summary>Runs an inspection command over this state.</summary>
    internal Task<CliResult> RunAsync(string verb, params string[] more) =>
        NewsIngestExecutable.RunAsync(Work.Args(verb, more), timeout: TimeSpan.FromSeconds(60));

    /// <summary>Runs it with <c>--json</c> and parses stdout; a non-zero exit fails the test.</summary>
    internal async Task<JsonElement> JsonAsync(string verb, params string[] more)
    {
        var result = await RunAsync(verb, [.. more, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await _news.DisposeAsync();
        await _down.DisposeAsync();
        Work.Dispose();
    }
}

/// <summary>Shares one <see cref="InspectedState"/> between the inspection test classes.</summary>
[CollectionDefinition(InspectedState.Collection)]
public sealed class InspectedStateCollection : ICollectionFixture<InspectedState>;
