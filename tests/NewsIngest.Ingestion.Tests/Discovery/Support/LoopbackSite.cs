using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Ingestion.Tests.Discovery.Support;

/// <summary>
/// A real Kestrel server on http://127.0.0.1:0 serving fixed resources with strong ETags (and 304 on a matching
/// If-None-Match), counting requests per path and logging each status.
/// </summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body, string ETag)> _resources = new();
    private WebApplication _app = null!;

    private LoopbackSite()
    {
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests per path (404s included).</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    /// <summary>Every response, in order: path and status.</summary>
    public ConcurrentQueue<(string Path, int Status)> Log { get; } = new();

    public static async Task<LoopbackSite> StartAsync()
    {
        var site = new LoopbackSite();
        (site._app, site.BaseUrl) = await LoopbackKestrel.StartAsync(site.HandleAsync);
        return site;
    }

    public Uri Url(string path) => new(BaseUrl, path);

    public void Serve(string path, string contentType, byte[] body) =>
        _resources[path] = (contentType, body, "\"" + Convert.ToHexString(SHA256.HashData(body))[..16] + "\"");

    public void Serve(string path, string contentType, string body) =>
        Serve(path, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public int HitsOf(string path) => Hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (!_resources.TryGetValue(path, out var resource))
        {
            Respond(context, path, StatusCodes.Status404NotFound);
            return;
        }

        context.Response.Headers.ETag = resource.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == resource.ETag)
        {
            Respond(context, path, StatusCodes.Status304NotModified);
            return;
        }

        Respond(context, path, StatusCodes.Status200OK);
        context.Response.ContentType = resource.ContentType;
        await context.Response.Body.WriteAsync(resource.Body, context.RequestAborted);
    }

    private void Respond(HttpContext context, string path, int status)
    {
        context.Response.StatusCode = status;
        Log.Enqueue((path, status));
    }
}
