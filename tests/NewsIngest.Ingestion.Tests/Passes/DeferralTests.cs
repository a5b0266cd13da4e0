using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>
/// A pass never waits on one host longer than <c>Pass:MaxHostWait</c>: a host answering 503 with Retry-After 3600 and
/// a host answering 503 to everything have their pages deferred to the next pass while two healthy hosts are recorded;
/// real Kestrel hosts on loopback, a real state file, runtimes one after the other as cron runs are, a fake clock.
/// </summary>
public sealed class DeferralTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly List<(string Host, string Path, DateTimeOffset At)> _requests = [];
    private readonly Dictionary<string, LoopbackServer> _hosts = [];
    private volatile bool _down = true;

    public async Task InitializeAsync()
    {
        _hosts["retry-after"] = await StartAsync("retry-after", busy: context =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        _hosts["always-503"] = await StartAsync("always-503", busy: _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        _hosts["healthy-1"] = await StartAsync("healthy-1", busy: null);
        _hosts["healthy-2"] = await StartAsync("healthy-2", busy: null);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _hosts.Values)
        {
            await server.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Cooling_hosts_are_deferred_the_healthy_ones_recorded_and_the_pass_waits_for_neither()
    {
        // When one pass runs over the four hosts, three pages each
        await using var once = await OpenAsync();
        var summary = await once.OnceAsync(_time);

        // Then the healthy hosts' pages are recorded, the cooling hosts' pages deferred, and nothing waited
        Assert.Equal((12, 6, 6, 0), (summary.Pages, summary.New, summary.Deferred, summary.Failed));
        Assert.False(summary.HasFailures);
        Assert.Equal(TimeSpan.Zero, summary.Duration);
        Assert.Equal(
            [("always-503", T0.AddSeconds(30), 3), ("retry-after", T0.AddMinutes(5), 3)],
            summary.DeferredHosts.Select(h => (Name(h.Host), h.Until, h.Pages)).OrderBy(h => h.Item1, StringComparer.Ordinal));
        // The hosts come by name (their ports here), so either may be first
        Assert.Contains(", deferred 6: host ", summary.ToLine(), StringComparison.Ordinal);
        Assert.Contains($"host {_hosts["always-503"].BaseUri.Authority} cooling down until 2026-12-03 08:00:30Z", summary.ToLine(), StringComparison.Ordinal);
        Assert.Contains($"host {_hosts["retry-after"].BaseUri.Authority} cooling down until 2026-12-03 08:05:00Z", summary.ToLine(), StringComparison.Ordinal);
        // One request each showed the host was cooling down; its other pages were not asked for
        Assert.Equal(1, PagesAskedOf("retry-after"));
        Assert.Equal(1, PagesAskedOf("always-503"));

        var deferred = await StatesAsync(once, "retry-after");
        Assert.All(deferred, s => Assert.Equal(UrlStatuses.Deferred, s.LastStatus));
        Assert.All(deferred, s => Assert.Equal(T0, s.LastErrorAt));
        Assert.Contains(deferred, s => s.LastError!.EndsWith("answered 503: cooling down until 2026-12-03 08:05:00Z", StringComparison.Ordinal));
        Assert.Contains(deferred, s => s.LastError!.EndsWith(
            "is cooling down until 2026-12-03 08:05:00Z, beyond Pass:MaxHostWait (00:00:20)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_pass_keeps_the_cooldowns_and_streaks_of_the_last_and_after_the_cooldown_records_the_deferred_pages()
    {
        await using (var first = await OpenAsync())
        {
            await first.OnceAsync(_time);
        }

        // Given a minute later the hosts are still down: retry-after is not asked (its cooldown runs to 08:05), and
        // always-503, asked again, is put into a cooldown twice as long (its failure streak is kept)
        _time.SetUtcNow(T0.AddMinutes(1));
        await using (var second = await OpenAsync())
        {
            var again = await second.OnceAsync(_time);
            Assert.Equal((6, 0), (again.Deferred, again.Failed));
            Assert.Equal(
                [("always-503", T0.AddMinutes(1).AddSeconds(60)), ("retry-after", T0.AddMinutes(5))],
                again.DeferredHosts.Select(h => (Name(h.Host), h.Until)).OrderBy(h => h.Item1, StringComparer.Ordinal));
            Assert.Equal(1, PagesAskedOf("retry-after"));
            Assert.Equal(2, PagesAskedOf("always-503"));
        }

        // When the hosts have recovered and the next pass comes after the cooldowns
        _down = false;
        _time.SetUtcNow(T0.AddHours(1));
        await using var third = await OpenAsync();
        var summary = await third.OnceAsync(_time);

        // Then the deferred pages are recorded
        Assert.Equal((6, 0, 0), (summary.New, summary.Deferred, summary.Failed));
        Assert.All(await StatesAsync(third, "retry-after"), s => Assert.Equal((UrlStatuses.Ok, 1), (s.LastStatus, s.Version)));
        Assert.All(await StatesAsync(third, "always-503"), s => Assert.Equal((UrlStatuses.Ok, 1), (s.LastStatus, s.Version)));
    }

    private Task<RuntimeHarness> OpenAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsIngest:Pass:MaxHostWait"] = "00:00:20",
            ["NewsIngest:Politeness:MaxCrawlDelay"] = "00:00:10",
            ["NewsIngest:Pass:MaxConcurrencyPerHost"] = "1",
        };
        var index = 0;
        foreach (var (name, server) in _hosts)
        {
            settings[$"NewsIngest:Sources:{index}:Name"] = name;
            for (var page = 0; page < 3; page++)
            {
                settings[$"NewsIngest:Sources:{index}:Urls:{page}"] = server.Url($"/story/{page}").AbsoluteUri;
            }

            index++;
        }

        return RuntimeHarness.OpenAsync(_dir.Path, _time, settings);
    }

    private async Task<List<UrlState>> StatesAsync(RuntimeHarness harness, string host)
    {
        var states = new List<UrlState>();
        for (var page = 0; page < 3; page++)
        {
            states.Add((await harness.Runtime.State.GetAsync(_hosts[host].Url($"/story/{page}").AbsoluteUri, default))!);
        }

        return states;
    }

    private int PagesAskedOf(string host)
    {
        lock (_requests)
        {
            return _requests.Count(r => r.Host == host && r.Path.StartsWith("/story/", StringComparison.Ordinal));
        }
    }

    private string Name(string authority) => _hosts.Single(h => h.Value.BaseUri.Authority == authority).Key;

    private Task<LoopbackServer> StartAsync(string name, Func<HttpContext, IResult>? busy) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
        app.MapGet("/story/{id}", (HttpContext context, string id) =>
        {
            lock (_requests)
            {
                _requests.Add((name, context.Request.Path.Value!, _time.GetUtcNow()));
            }

            return _down && busy is not null
                ? busy(context)
                : Results.Content($"<html><body><article><h1>{name} story {id}</h1><p>What happened at {name}, story {id}.</p></article></body></html>", "text/html");
        });
    });
}
