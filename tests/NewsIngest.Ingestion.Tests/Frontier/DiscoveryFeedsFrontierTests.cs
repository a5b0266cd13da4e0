using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.Tests.Passes;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Frontier;

/// <summary>Discovery feeds the frontier as it goes, over real HTTP (Kestrel on 127.0.0.1) and the real fetch stack.</summary>
public sealed class DiscoveryFeedsFrontierTests : IAsyncLifetime
{
    private const int Feeds = 50;
    private readonly TempDirectory _dir = new();
    private PassStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = await PassStorage.OpenAsync(_dir.Combine("state.db"), _dir.Combine("records"), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task With_50_feed_sources_the_first_page_is_requested_before_the_last_feed_is_read()
    {
        // Given 50 sources of one feed each; the last feed answers only once a page has been requested (a pass that
        // read every source before fetching a page would never see that page request, and would fail below)
        var events = new ConcurrentQueue<string>();
        var firstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
            app.MapGet("/feed/{i:int}", async (int i, HttpContext context) =>
            {
                if (i == Feeds - 1)
                {
                    // Only a guard against a hang: a correct pass releases it at once.
                    await Task.WhenAny(firstPage.Task, Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
                }

                events.Enqueue($"feed {i}");
                var link = new Uri(context.Request.Scheme + "://" + context.Request.Host + $"/page/{i}");
                return Results.Text(
                    $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>f{i}</title><link>{link}</link><item><title>p{i}</title><link>{link}</link></item></channel></rss>",
                    "application/rss+xml");
            });
            app.MapGet("/page/{i:int}", (int i) =>
            {
                events.Enqueue($"page {i}");
                firstPage.TrySetResult();
                return Results.Text($"story {i}", "text/html");
            });
        });
        await using var harness = new FetchHarness();
        var discoverer = new SourceDiscoverer(
            harness.Fetcher, new InMemoryDiscoveryCache(), Options.Create(new DiscoveryOptions()), TimeProvider.System, NullLogger<SourceDiscoverer>.Instance);
        var options = new PassOptions { MaxConcurrency = 4, MaxDiscoveryConcurrency = 4 };
        var processor = new PageProcessor(harness.Fetcher, _storage.State, _storage.Writer, null, new FakeExtractor(), TimeProvider.System, NullLogger.Instance);
        var pass = new IngestionPass([discoverer], processor, options, TimeProvider.System, NullLogger<IngestionPass>.Instance, pacing: harness.Pacing);
        var sources = Enumerable.Range(0, Feeds)
            .Select(i => new SourceOptions { Name = $"s{i}", Feeds = [server.Url($"/feed/{i}").AbsoluteUri] })
            .ToList();

        // When one pass runs
        var summary = await pass.RunAsync(sources, CancellationToken.None);

        // Then a page request came before the last feed was read, and every page was recorded
        var log = events.ToList();
        Assert.True(log.FindIndex(e => e.StartsWith("page ", StringComparison.Ordinal)) < log.IndexOf($"feed {Feeds - 1}"), string.Join(", ", log));
        Assert.Equal((Feeds, Feeds, 0), (summary.Pages, summary.New, summary.Failed));
        Assert.Single(server.SeenAt("/robots.txt"));
    }
}
