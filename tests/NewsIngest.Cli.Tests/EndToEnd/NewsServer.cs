using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (OS-assigned port) that the test fills with documents at run time. Every
/// document gets a strong ETag and a Last-Modified date and is answered with 304 when the request's validators
/// match, like a well-behaved news site. Every request is logged so tests can say what newsingest asked for.
/// </summary>
internal sealed class NewsServer : IAsyncDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServerRequest> _seen = new();
    private WebApplication _app = null!;
    private int _revision;

    private NewsServer()
    {
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<ServerRequest> Seen => [.. _seen];

    public static async Task<NewsServer> StartAsync()
    {
        var server = new NewsServer();
        (server._app, server.BaseUri) = await LoopbackKestrel.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>An absolute URL on this server.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery).AbsoluteUri;

    /// <summary>Serves (or replaces) the text document at <paramref name="path"/>; a new body gets new validators.</summary>
    public void Serve(string path, string contentType, string body) => Serve(path, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>Serves <paramref name="body"/> gzip-compressed as a file (a <c>.xml.gz</c> sitemap, not Content-Encoding).</summary>
    public void ServeGzipped(string path, string body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }

        Serve(path, "application/x-gzip", buffer.ToArray());
    }

    /// <summary>Answers <paramref name="path"/> with <paramref name="status"/> and no body (a 503 robots.txt, say).</summary>
    public void Fail(string path, int status) => _failing[path] = status;

    /// <summary>The requests for exactly <paramref name="path"/> (query ignored).</summary>
    public IReadOnlyList<ServerRequest> SeenAt(string path) => [.. Seen.Where(r => r.Path == path)];

    private void Serve(string path, string contentType, byte[] body)
    {
        // Each new body is one second "newer", so Last-Modified moves forward the way a CMS would move it.
        var revision = Interlocked.Increment(ref _revision);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body))[..16] + "\"";
        _documents[path] = new Document(contentType, body, etag, Epoch.AddSeconds(revision));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (_failing.TryGetValue(request.Path.Value ?? "/", out var failure))
        {
            _seen.Enqueue(new ServerRequest(request.Path.Value ?? "/", request.QueryString.Value ?? "", "", "", failure));
            response.StatusCode = failure;
            return;
        }

        _documents.TryGetValue(request.Path.Value ?? "/", out var document);
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = request.Headers.IfModifiedSince.ToString();
        var notModified = document is not null && (ifNoneMatch.Length > 0
            ? ifNoneMatch.Contains(document.ETag, StringComparison.Ordinal)
            : DateTimeOffset.TryParse(ifModifiedSince, out var since) && document.LastModified <= since);
        var status = document is null ? 404 : notModified ? 304 : 200;
        _seen.Enqueue(new ServerRequest(request.Path.Value ?? "/", request.QueryString.Value ?? "", ifNoneMatch, ifModifiedSince, status));

        response.StatusCode = status;
        if (document is null)
        {
            return;
        }

        response.Headers.ETag = document.ETag;
        response.Headers.LastModified = document.LastModified.ToString("R");
        if (status == 200)
        {
            response.ContentType = document.ContentType;
            response.ContentLength = document.Body.Length;
            await response.Body.WriteAsync(document.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Document(string ContentType, byte[] Body, string ETag, DateTimeOffset LastModified);
}
