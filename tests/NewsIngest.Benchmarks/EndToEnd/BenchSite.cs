using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// A Kestrel server on 127.0.0.1 (OS-assigned port) serving the generated pages at <c>/a/{n}</c>, one sitemap
/// listing them all, and a permissive robots.txt. Bodies are built before the server starts, so serving costs only
/// the write; requests are counted so the report can say how many pages the child fetched.
/// </summary>
internal sealed class BenchSite : IAsyncDisposable
{
    private readonly Dictionary<string, byte[]> _bodies;
    private WebApplication _app = null!;
    private int _requests;

    private BenchSite(Dictionary<string, byte[]> bodies) => _bodies = bodies;

    /// <summary>The base address without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests answered so far (pages, sitemap, robots.txt, 404s).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The sitemap's URL.</summary>
    public string SitemapUrl => BaseUrl + "/sitemap.xml";

    /// <summary>Starts the server; <paramref name="page"/> builds page n at a path from the base URL, once the port is known.</summary>
    public static async Task<BenchSite> StartAsync(int count, Func<string, string, int, string> page)
    {
        var site = new BenchSite(new Dictionary<string, byte[]>(StringComparer.Ordinal));
        (site._app, var baseUri) = await LoopbackKestrel.StartAsync(site.HandleAsync);
        site.BaseUrl = baseUri.AbsoluteUri.TrimEnd('/');

        var sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (var i = 1; i <= count; i++)
        {
            var path = $"/a/{i}";
            site._bodies[path] = Encoding.UTF8.GetBytes(page(site.BaseUrl, path, i));
            sitemap.Append("<url><loc>").Append(site.BaseUrl).Append(path).Append("</loc></url>\n");
        }

        site._bodies["/sitemap.xml"] = Encoding.UTF8.GetBytes(sitemap.Append("</urlset>\n").ToString());
        site._bodies["/robots.txt"] = Encoding.UTF8.GetBytes("User-agent: *\nAllow: /\n");
        return site;
    }

    /// <summary>Every article page as served (URL and bytes), for the in-process extraction reference.</summary>
    public IEnumerable<(string Url, byte[] Body)> Pages() =>
        _bodies.Where(p => p.Key.StartsWith("/a/", StringComparison.Ordinal)).Select(p => (BaseUrl + p.Key, p.Value));

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!_bodies.TryGetValue(context.Request.Path.Value ?? "/", out var body))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var path = context.Request.Path.Value!;
        context.Response.ContentType = path.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml"
            : path.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/html; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
