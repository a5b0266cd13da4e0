using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.Politeness;

/// <summary>
/// One real Kestrel server listening on N loopback ports: each port is a host (an authority of its own) with a
/// permissive robots.txt, a feed of M articles and the articles. Every request's arrival is stamped per port on a
/// monotonic clock, so the spacing the hosts saw can be checked at the server.
/// </summary>
internal sealed class PolitenessSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, ConcurrentQueue<long>> _arrivals = new();
    private readonly int _pages;
    private WebApplication _app = null!;

    private PolitenessSite(int pages) => _pages = pages;

    /// <summary>The hosts' base addresses, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public IReadOnlyList<Uri> Hosts { get; private set; } = [];

    public int Requests => _arrivals.Values.Sum(q => q.Count);

    public static async Task<PolitenessSite> StartAsync(int hosts, int pages)
    {
        var site = new PolitenessSite(pages);
        // An empty builder: no configuration files (the slim builder's appsettings watcher read inotify events of
        // every file the child wrote under the working directory) and no logging.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "politeness-site" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < hosts; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        site._app = builder.Build();
        site._app.Run(site.HandleAsync);
        await site._app.StartAsync();
        site.Hosts = [.. site._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/"))];
        await site.WarmUpAsync();
        return site;
    }

    /// <summary>
    /// Serves each kind of request (robots.txt, feed, article) a few hundred times and gives the JIT time to compile the
    /// hot path at its final tier, then forgets those requests: the pass measured afterwards shares two cores with this
    /// server, and its tier-up (close to half of its CPU during a 1,000-host pass, 2026-12-08) is no part of the pass.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var client = new HttpClient();
        var hosts = Hosts.Take(8).ToList();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100; i++)
            {
                var host = hosts[i % hosts.Count];
                await Task.WhenAll(
                    client.GetStringAsync(new Uri(host, "robots.txt")),
                    client.GetStringAsync(new Uri(host, "feed.xml")),
                    client.GetStringAsync(new Uri(host, $"a/{i % _pages}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500)); // tier-up runs in the background after the call counts
        }

        _arrivals.Clear();
    }

    /// <summary>Per host, the gaps between consecutive request arrivals.</summary>
    public IEnumerable<TimeSpan> Gaps() => _arrivals.Values.SelectMany(queue =>
    {
        var stamps = queue.Order().ToArray();
        return stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b));
    });

    /// <summary>Per position of a gap in its host's sequence (0: robots.txt to feed), the mean and the largest gap.</summary>
    public IEnumerable<(int Index, double MeanMs, double MaxMs)> GapsByIndex() => _arrivals.Values
        .SelectMany(queue =>
        {
            var stamps = queue.Order().ToArray();
            return stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Select((g, i) => (i, g));
        })
        .GroupBy(x => x.i)
        .OrderBy(g => g.Key)
        .Select(g => (g.Key, g.Average(x => x.g), g.Max(x => x.g)));

    /// <summary>The request count of the host with the most, and of the one with the fewest.</summary>
    public (int Most, int Fewest) RequestsPerHost() =>
        _arrivals.IsEmpty ? (0, 0) : (_arrivals.Values.Max(q => q.Count), _arrivals.Values.Min(q => q.Count));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        _arrivals.GetOrAdd(port, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
        var path = context.Request.Path.Value ?? "/";
        var baseUrl = $"http://127.0.0.1:{port}";
        if (path == "/robots.txt")
        {
            return Text(context, "text/plain", "User-agent: *\nAllow: /\n");
        }

        if (path == "/feed.xml")
        {
            var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Host ")
                .Append(port).Append("</title><link>").Append(baseUrl).Append("/</link>");
            for (var i = 0; i < _pages; i++)
            {
                feed.Append("<item><title>Story ").Append(i).Append("</title><link>").Append(baseUrl).Append("/a/").Append(i)
                    .Append("</link></item>");
            }

            return Text(context, "application/rss+xml", feed.Append("</channel></rss>").ToString());
        }

        if (path.StartsWith("/a/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(3), out var index) && index < _pages)
        {
            return Text(context, "text/html; charset=utf-8", SmallPage(baseUrl, path, port, index));
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A short article (about 1 KB): the benchmark measures pacing, so extraction is kept cheap; its prose is its own
    /// (<see cref="StoryText"/>), as different stories' are.
    /// </summary>
    private static string SmallPage(string baseUrl, string path, int port, int index)
    {
        var text = StoryText.Paragraphs((port * 1009) + index);
        return $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report {{port}}-{{index}} | Loopback Times</title>
            <link rel="canonical" href="{{baseUrl}}{{path}}"></head><body><article><h1>Harbour report {{port}}-{{index}}</h1>
            <p>{{text[0]}}</p>
            <p>{{text[1]}}</p>
            <p>{{text[2]}}</p>
            </article></body></html>
            """;
    }

    private static Task Text(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
