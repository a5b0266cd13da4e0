using System.Text.Json;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// A host answering 503 to everything cools down for longer than <c>Pass:MaxHostWait</c>: <c>once</c> records the
/// healthy host's pages, defers the cooling host's and exits 0 without waiting; <c>status</c> shows the host's
/// cooldown and deferred pages from the kept host state, <c>failures</c> counts them apart from failing URLs, and the
/// next <c>once</c> started at once does not ask the cooling host again. Two real Kestrel servers on loopback.
/// </summary>
public sealed class DeferredHostPassTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _healthy = null!;
    private NewsServer _down = null!;

    public async Task InitializeAsync()
    {
        _healthy = await NewsServer.StartAsync();
        _down = await NewsServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _healthy.DisposeAsync();
        await _down.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task The_cooling_host_is_deferred_shown_by_status_and_failures_and_not_asked_again_by_the_next_once()
    {
        var healthy = new[] { "/news/1", "/news/2" };
        var down = new[] { "/news/a", "/news/b", "/news/c" };
        _healthy.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        _down.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        foreach (var path in healthy)
        {
            _healthy.Serve(path, "text/html", ArticlePage.Html(_healthy.Url(path), $"Harbour reopens {path[^1]}", $"Ferries ran again on day {path[^1]}."));
        }

        foreach (var path in down)
        {
            _down.Fail(path, 503);
        }

        // A 503 without Retry-After cools its host down for CooldownBase (10 min), beyond MaxHostWait (5 s).
        File.WriteAllText(_work.ConfigPath, $$"""
            {
              "NewsIngest": {
                "Sources": [ { "Name": "healthy", "Urls": [ {{string.Join(", ", healthy.Select(p => $"\"{_healthy.Url(p)}\""))}} ] },
                             { "Name": "down", "Urls": [ {{string.Join(", ", down.Select(p => $"\"{_down.Url(p)}\""))}} ] } ],
                "Output": { "Directory": "data/records" },
                "State": { "Path": "data/state/newsingest.db" },
                "Http": { "AllowPrivateNetworks": true, "MaxRetries": 1, "RetryBaseDelay": "00:00:00.050",
                          "AttemptTimeout": "00:00:03", "TotalTimeout": "00:00:08" },
                "Politeness": { "MinDelay": "00:00:00.010", "MaxCrawlDelay": "00:00:01", "CooldownBase": "00:10:00" },
                "Pass": { "MaxConcurrencyPerHost": 1, "MaxHostWait": "00:00:05" }
              }
            }
            """);

        var once = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(30));

        Assert.True(once.ExitCode == 0, once.ToString());
        Assert.Equal(2, Workspace.Count(once.Stdout, "new"));
        Assert.Equal(0, Workspace.Count(once.Stdout, "failed"));
        Assert.Contains($"deferred 3: host {_down.BaseUri.Authority} cooling down until ", once.Stdout, StringComparison.Ordinal);
        // One request showed the host was cooling down (no retry through the cooldown); its other pages were not asked for.
        Assert.Single(_down.Seen, r => r.Path.StartsWith("/news/", StringComparison.Ordinal));

        var status = await JsonAsync("status");
        var host = status.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == _down.BaseUri.Authority);
        Assert.Equal(3, host.GetProperty("deferred").GetInt32());
        Assert.Equal(0, host.GetProperty("failing").GetInt32());
        var until = host.GetProperty("cooldownUntil").GetDateTimeOffset();
        Assert.True(until > DateTimeOffset.UtcNow, status.ToString());
        var source = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "down");
        Assert.Equal(3, source.GetProperty("lastPass").GetProperty("deferred").GetInt32());
        var statusText = await NewsIngestExecutable.RunAsync(_work.Args("status"), timeout: TimeSpan.FromSeconds(30));
        var shown = until.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(statusText.Stdout.Split('\n'), l => l.StartsWith(_down.BaseUri.Authority, StringComparison.Ordinal) && l.Contains(shown, StringComparison.Ordinal));

        var failures = await NewsIngestExecutable.RunAsync(_work.Args("failures"), timeout: TimeSpan.FromSeconds(30));
        Assert.True(failures.ExitCode == 0, failures.ToString());
        Assert.Equal("0 failing URL(s), 3 deferred to the next pass (their host is cooling down)", failures.Stdout.TrimEnd().Split('\n')[^1]);
        var listed = (await JsonAsync("failures")).GetProperty("failures").EnumerateArray().ToList();
        Assert.Equal(down.Select(_down.Url).Order(StringComparer.Ordinal), listed.Select(f => f.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(listed, f => Assert.Equal("deferred", f.GetProperty("status").GetString()));

        // The next once, started while the cooldown it kept still runs, defers the host without asking it.
        var next = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(30));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains($"deferred 3: host {_down.BaseUri.Authority}", next.Stdout, StringComparison.Ordinal);
        Assert.Single(_down.Seen, r => r.Path.StartsWith("/news/", StringComparison.Ordinal));
    }

    private async Task<JsonElement> JsonAsync(string verb)
    {
        var result = await NewsIngestExecutable.RunAsync(_work.Args(verb, "--json"), timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
