using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an OS-assigned port, started in-process; it records every request it
/// sees. Two servers are two hosts (different authorities). Dispose to stop it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private WebApplication _app = null!;

    private LoopbackServer()
    {
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<SeenRequest> Seen => [.. _seen];

    /// <summary>The shared monotonic clock the <see cref="SeenRequest.At"/> stamps come from.</summary>
    public static TimeSpan Now => Clock.Elapsed;

    /// <summary>Starts a server whose routes <paramref name="map"/> adds (minimal API or middleware).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var server = new LoopbackServer();
        (server._app, server.BaseUri) = await LoopbackKestrel.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                var request = context.Request;
                var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                server._seen.Enqueue(new SeenRequest(request.Path + request.QueryString, headers, Now));
                await next(context);
            });
            map(app);
        });
        return server;
    }

    /// <summary>An absolute URL on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>The requests whose path (and query) is exactly <paramref name="pathAndQuery"/>.</summary>
    public IReadOnlyList<SeenRequest> SeenAt(string pathAndQuery) => [.. Seen.Where(r => r.PathAndQuery == pathAndQuery)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
