using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Politeness;

/// <summary>
/// Host state outlives the process: two runtimes over the same state file, one after the other, as two cron
/// <c>once</c> runs are; a real Kestrel host on loopback, the clock a fake one.
/// </summary>
public sealed class HostStatePersistenceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly List<(string Path, DateTimeOffset At)> _requests = [];
    private LoopbackServer _server = null!;
    private volatile bool _busy = true;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", (HttpContext context) =>
        {
            Seen(context);
            return Results.Text("User-agent: *\nAllow: /\n");
        });
        app.MapGet("/story/{id}", (HttpContext context, string id) =>
        {
            Seen(context);
            if (_busy)
            {
                context.Response.Headers.RetryAfter = "600";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Content($"<html><body><article><h1>Story {id}</h1><p>Text of story {id}.</p></article></body></html>", "text/html");
        });
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_once_started_a_minute_after_the_last_waits_out_the_cooldown_the_last_one_set()
    {
        // Given a once whose only page was answered 503 with Retry-After 600 (capped at Http:MaxRetryAfter, 5 min)
        await using (var first = await OpenAsync())
        {
            var summary = await first.OnceAsync(_time);
            Assert.Equal(1, summary.Failed);
        }

        // When the host has recovered and the next once starts a minute later, in a new process
        _busy = false;
        _time.SetUtcNow(T0.AddMinutes(1));
        await using var second = await OpenAsync();
        var next = await second.OnceAsync(_time);

        // Then its request waits until the cooldown ends, 5 min after the 503, and robots.txt is not fetched again
        Assert.Equal(1, next.New);
        Assert.Equal([("/robots.txt", T0), ("/story/1", T0), ("/story/1", T0.AddMinutes(5))], _requests);
    }

    [Fact]
    public async Task The_state_keeps_each_hosts_cooldown_failure_streak_and_robots_verdict()
    {
        await using (var first = await OpenAsync())
        {
            await first.OnceAsync(_time);
        }

        await using var state = await SqliteStateStore.OpenAsync(_dir.Combine("state.db"), default);
        var kept = await state.LoadPolitenessAsync(default);

        var host = Assert.Single(kept.Hosts);
        Assert.Equal((_server.BaseUri.Authority, T0.AddMinutes(5), (DateTimeOffset?)T0), (host.Host, host.CooldownUntil!.Value, host.LastRequestAt));
        var robots = Assert.Single(kept.Robots);
        Assert.Equal(_server.BaseUri.GetLeftPart(UriPartial.Authority), robots.Origin);
        Assert.Equal("User-agent: *\nAllow: /\n", robots.Text);
        Assert.Equal(T0.AddHours(24), robots.ExpiresAt);
    }

    [Fact]
    public async Task A_cooldown_is_saved_as_it_starts_so_a_kill_right_after_it_does_not_lose_it()
    {
        // Given a running process whose only page was answered 503 with Retry-After 600, the clock standing still (no
        // 2 s save interval passes)
        await using var first = await OpenAsync();
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Runtime.HostState!.Saved += snapshot =>
        {
            if (snapshot.Hosts.Any(h => h.CooldownUntil is not null))
            {
                saved.TrySetResult();
            }
        };
        await first.OnceAsync(_time);
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a bound for a broken build, never reached when it works

        // Then the state file already holds the cooldown, before the process ends (as a SIGKILL would end it)
        await using var reader = await StateReader.OpenAsync(_dir.Combine("state.db"), default);
        var host = Assert.Single(await reader!.HostsAsync(default));
        Assert.Equal(T0.AddMinutes(5), host.CooldownUntil);
    }

    private Task<RuntimeHarness> OpenAsync() => RuntimeHarness.OpenAsync(_dir.Path, _time, new Dictionary<string, string?>
    {
        ["NewsIngest:Sources:0:Name"] = "news",
        ["NewsIngest:Sources:0:Urls:0"] = _server.Url("/story/1").AbsoluteUri,
        ["NewsIngest:Pass:MaxHostWait"] = "01:00:00",
    });

    private void Seen(HttpContext context)
    {
        lock (_requests)
        {
            _requests.Add((context.Request.Path.Value!, _time.GetUtcNow()));
        }
    }
}
