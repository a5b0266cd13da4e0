using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// N news hosts on loopback for the multi-worker tests and benchmark: one real Kestrel listening on N ports, each port
/// a host (an authority of its own) with a permissive robots.txt, a feed of M articles (<c>/feed.xml</c>) and the
/// articles (<c>/a/0</c> … <c>/a/M-1</c>, each with its own prose, a canonical link to itself and a strong ETag, 304
/// when a request carries it). Every request is
/// logged at arrival on the monotonic clock (<see cref="Stopwatch.GetTimestamp"/>) with its host, path, status and the
/// worker it came from (the <c>worker ID</c> a worker's User-Agent carries, <see cref="UserAgentFor"/>), so spacing,
/// takeovers and resumes are judged where they happen: at the server.
/// </summary>
internal sealed partial class HostFarm : IAsyncDisposable
{
    private readonly ConcurrentQueue<FarmRequest> _requests = new();
    private readonly int _pages;
    private WebApplication _app = null!;

    private HostFarm(int pages) => _pages = pages;

    /// <summary>The hosts' base addresses, e.g. <c>http://127.0.0.1:41234/</c>, in port order.</summary>
    public IReadOnlyList<Uri> Hosts { get; private set; } = [];

    /// <summary>Articles per host.</summary>
    public int Pages => _pages;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FarmRequest> Requests => [.. _requests];

    /// <summary>Every article URL the farm serves (what a complete pass records, once each).</summary>
    public IEnumerable<string> ArticleUrls => Hosts.SelectMany(h => Enumerable.Range(0, _pages).Select(i => ArticleUrl(h.Port, i)));

    /// <summary>The User-Agent that names <paramref name="workerId"/> to the farm (a product token first, as robots.txt wants).</summary>
    public static string UserAgentFor(string workerId) => $"NewsIngest/1.0 (worker {workerId})";

    public static string ArticleUrl(int port, int index) => $"http://127.0.0.1:{port}/a/{index}";

    public static async Task<HostFarm> StartAsync(int hosts, int pages)
    {
        var farm = new HostFarm(pages);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < hosts; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        farm._app = builder.Build();
        farm._app.Run(farm.HandleAsync);
        await farm._app.StartAsync();
        farm.Hosts = [.. farm._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/"))
            .OrderBy(u => u.Port)];
        return farm;
    }

    /// <summary>Article pages served whole (200) to <paramref name="workerId"/> so far.</summary>
    public int ArticlesServedTo(string workerId) =>
        _requests.Count(r => r.Worker == workerId && r.IsArticle && r.Status == StatusCodes.Status200OK);

    /// <summary>
    /// Every pair of consecutive requests to one host (all workers together, every path) that arrived closer than
    /// <paramref name="delay"/>, described for a failure message.
    /// </summary>
    public IReadOnlyList<string> TooClose(TimeSpan delay) =>
    [
        .. Requests.GroupBy(r => r.Port).SelectMany(host =>
        {
            var ordered = host.OrderBy(r => r.Arrived).ToArray();
            return ordered.Zip(ordered.Skip(1))
                .Where(pair => Stopwatch.GetElapsedTime(pair.First.Arrived, pair.Second.Arrived) < delay)
                .Select(pair => $"127.0.0.1:{host.Key}: {pair.Second.Path} ({pair.Second.Worker}) " +
                    $"{Stopwatch.GetElapsedTime(pair.First.Arrived, pair.Second.Arrived).TotalMilliseconds:0.0} ms after " +
                    $"{pair.First.Path} ({pair.First.Worker})");
        }),
    ];

    /// <summary>The smallest gap between consecutive requests to one host, and every gap (for a benchmark's figures).</summary>
    public IReadOnlyList<TimeSpan> Gaps() =>
    [
        .. Requests.GroupBy(r => r.Port).SelectMany(host =>
        {
            var ordered = host.Select(r => r.Arrived).Order().ToArray();
            return ordered.Zip(ordered.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b));
        }),
    ];

    /// <summary>
    /// The hosts <paramref name="workerId"/> was working when it stopped at <paramref name="stoppedAt"/>: hosts it
    /// had been served a request on (so it held them), some of whose articles no worker had been served whole by then
    /// (so their pass was not over).
    /// </summary>
    public IReadOnlyList<int> UnfinishedHostsOf(string workerId, long stoppedAt)
    {
        var before = Requests.Where(r => r.Arrived <= stoppedAt).ToArray();
        return
        [
            .. before.Where(r => r.Worker == workerId).Select(r => r.Port).Distinct()
                .Where(port => before.Where(r => r.Port == port && r.IsArticle && r.Status == StatusCodes.Status200OK)
                    .Select(r => r.Path).Distinct().Count() < _pages)
                .Order(),
        ];
    }

    /// <summary>The URLs requested (any status, any worker) after <paramref name="instant"/>.</summary>
    public IReadOnlySet<string> RequestedAfter(long instant) =>
        Requests.Where(r => r.Arrived > instant).Select(r => r.Url).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every request to <paramref name="port"/> in arrival order as "seconds from <paramref name="origin"/> path worker
    /// status", for a failure message.
    /// </summary>
    public string Trace(int port, long origin) => string.Join(", ", Requests.Where(r => r.Port == port).OrderBy(r => r.Arrived).Select(r =>
        $"{(r.Arrived >= origin ? Stopwatch.GetElapsedTime(origin, r.Arrived) : -Stopwatch.GetElapsedTime(r.Arrived, origin)).TotalSeconds:+0.00;-0.00} {r.Path} {r.Worker} {r.Status}"));

    /// <summary>The first request to <paramref name="port"/> after <paramref name="instant"/>, by any worker.</summary>
    public FarmRequest? FirstAfter(int port, long instant) =>
        Requests.Where(r => r.Port == port && r.Arrived > instant).MinBy(r => r.Arrived);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var port = context.Connection.LocalPort;
        var path = context.Request.Path.Value ?? "/";
        var worker = WorkerPattern().Match(context.Request.Headers.UserAgent.ToString()) is { Success: true } m ? m.Groups[1].Value : "?";
        var (status, type, body) = Answer(port, path);
        // Articles never change: a strong validator per page, and 304 when the request carries it.
        var etag = $"\"{port}{path.Replace('/', '-')}\"";
        if (status == 200 && path.StartsWith("/a/", StringComparison.Ordinal))
        {
            context.Response.Headers.ETag = etag;
            status = context.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal) ? 304 : 200;
        }

        _requests.Enqueue(new FarmRequest(port, path, worker, arrived, status));
        context.Response.StatusCode = status;
        if (body is null || status != 200)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = type;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private (int Status, string? Type, string? Body) Answer(int port, string path)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        if (path == "/robots.txt")
        {
            return (200, "text/plain", "User-agent: *\nAllow: /\n");
        }

        if (path == "/feed.xml")
        {
            var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Host ")
                .Append(port).Append("</title><link>").Append(baseUrl).Append("/</link>");
            for (var i = 0; i < _pages; i++)
            {
                feed.Append("<item><title>Story ").Append(i).Append("</title><link>").Append(ArticleUrl(port, i)).Append("</link></item>");
            }

            return (200, "application/rss+xml", feed.Append("</channel></rss>").ToString());
        }

        if (path.StartsWith("/a/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(3), out var index) && index >= 0 && index < _pages)
        {
            var text = StoryText.Paragraphs((port * 1009) + index);
            return (200, "text/html; charset=utf-8", $"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report {port}-{index} | Loopback Times</title>
                <link rel="canonical" href="{ArticleUrl(port, index)}"></head><body><article><h1>Harbour report {port}-{index}</h1>
                <p>{text[0]}</p>
                <p>{text[1]}</p>
                <p>{text[2]}</p>
                </article></body></html>
                """);
        }

        return (404, null, null);
    }

    [GeneratedRegex(@"\(worker ([A-Za-z0-9._-]+)\)")]
    private static partial Regex WorkerPattern();
}

/// <summary>One request as the farm saw it: host port, path, the worker it named, arrival (Stopwatch ticks), status.</summary>
internal sealed record FarmRequest(int Port, string Path, string Worker, long Arrived, int Status)
{
    public bool IsArticle => Path.StartsWith("/a/", StringComparison.Ordinal);

    public string Url => $"http://127.0.0.1:{Port}{Path}";

    /// <summary>How many of <paramref name="requests"/> went where, for a failure message.</summary>
    public static string Breakdown(IEnumerable<FarmRequest> requests)
    {
        var all = requests.ToArray();
        return $"{all.Length} = robots {all.Count(r => r.Path == "/robots.txt")}, feed {all.Count(r => r.Path == "/feed.xml")}, " +
            $"articles 200 {all.Count(r => r.IsArticle && r.Status == 200)}, 304 {all.Count(r => r.IsArticle && r.Status == 304)}";
    }
}
