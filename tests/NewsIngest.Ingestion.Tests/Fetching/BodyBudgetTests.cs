using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Storage;
using NewsIngest.Ingestion.Tests.Support;

namespace NewsIngest.Ingestion.Tests.Fetching;

/// <summary>
/// <c>Http:MaxBytesInFlight</c> bounds the page bodies a pass buffers at once, whatever <c>Pass:MaxConcurrency</c>,
/// without holding back the requests: a real Kestrel host on loopback serving pages at the body cap, a real state
/// file, bytes counted, not time.
/// </summary>
public sealed class BodyBudgetTests : IAsyncLifetime
{
    private const int Cap = 1024 * 1024;
    private const int Pages = 6;
    private static readonly byte[] Big = PageAtTheCap();
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;
    private int _open;
    private int _mostOpen;
    private int _arrived;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n"));
        app.MapGet("/big/{id}", async (HttpContext context) =>
        {
            var open = Interlocked.Increment(ref _open);
            InterlockedMax(ref _mostOpen, open);
            if (Interlocked.Increment(ref _arrived) == Pages)
            {
                _allArrived.TrySetResult();
            }

            // A body at the cap, its first KiB sent at once and the rest held until the test lets it go. No
            // Content-Length: a declared one is reserved when the headers arrive, so whether the later pages could
            // still start would hang on how fast this machine reads the first answers; chunked, each page holds its
            // starting room until the bodies are let go, whatever the timing.
            context.Response.ContentType = "text/html";
            await context.Response.Body.WriteAsync(Big.AsMemory(0, 1024));
            await context.Response.Body.FlushAsync();
            await _release.Task;
            await context.Response.Body.WriteAsync(Big.AsMemory(1024));
            Interlocked.Decrement(ref _open);
        });
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Six_pages_at_the_cap_are_requested_at_once_and_buffer_no_more_than_two_bodies_at_once()
    {
        // Given room for two bodies at the cap, six slots and six such pages on one host that takes six at once
        var settings = new Dictionary<string, string?>
        {
            ["NewsIngest:Http:MaxBodyBytes"] = $"{Cap}",
            ["NewsIngest:Http:MaxBytesInFlight"] = $"{2 * Cap}",
            ["NewsIngest:Pass:MaxConcurrency"] = $"{Pages}",
            ["NewsIngest:Pass:MaxConcurrencyPerHost"] = $"{Pages}",
            ["NewsIngest:Sources:0:Name"] = "big",
        };
        for (var i = 0; i < Pages; i++)
        {
            settings[$"NewsIngest:Sources:0:Urls:{i}"] = _server.Url($"/big/{i}").AbsoluteUri;
        }

        await using var harness = await RuntimeHarness.OpenAsync(_dir.Path, _time, settings);
        var budget = harness.Services.GetRequiredService<BodyBudget>();

        // When the pass runs, and the bodies are let go only once all six requests have reached the host
        var pass = harness.OnceAsync(_time);
        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var whileHeld = (_mostOpen, budget.Waiting);
        _release.SetResult();
        var summary = await pass;

        // Then all six were open at once (a page starts with a small room), every body was read whole and recorded,
        // and no more than two bodies' bytes were ever buffered at once
        Assert.Equal((Pages, 0), whileHeld);
        Assert.Equal((Pages, Pages, 0), (summary.Pages, summary.New, summary.Failed));
        Assert.InRange(budget.PeakBuffered, Cap, 2 * Cap);
        Assert.InRange(budget.PeakReserved, Cap, 2 * Cap);
        Assert.Equal((0L, 0L), (budget.Buffered, budget.Reserved));
    }

    private static byte[] PageAtTheCap()
    {
        // The bytes are what counts here, not the parsing: the rest of the cap is one comment.
        const string head = "<html><head><title>Big page</title></head><body><article><h1>A page at the cap</h1>"
            + "<p>The first paragraph of a page made to fill the whole body cap of the fetcher.</p></article><!-- ";
        const string tail = " --></body></html>";
        return Encoding.ASCII.GetBytes(head + new string('x', Cap - head.Length - tail.Length) + tail);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
