using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// The <see cref="SourceOptions.Urls"/> part of discovery: http(s) URLs as given; <c>file:</c> URLs and plain paths
/// (relative to the config file) of pages, or of directories whose pages are taken in name order.
/// </summary>
public sealed class UrlListDiscoverer(string baseDirectory) : IArticleDiscoverer
{
    /// <summary>Files in a directory source that count as pages.</summary>
    public static readonly IReadOnlyList<string> PageExtensions = [".html", ".htm", ".xhtml", ".txt"];

    public UrlListDiscoverer(IOptions<NewsIngestOptions> options)
        : this(NewsIngestPathResolver.BaseOf(options.Value))
    {
    }

    public Task<DiscoveryResult> DiscoverAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var urls = new List<DiscoveredUrl>();
        var problems = new List<string>();
        foreach (var entry in source.Urls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                urls.Add(new DiscoveredUrl(uri));
                continue;
            }

            if (uri is not null && !uri.IsFile && !Path.IsPathRooted(entry))
            {
                problems.Add($"'{entry}' is not an http(s) URL, a file: URL or a path");
                continue;
            }

            var path = uri is { IsFile: true } ? uri.LocalPath : Path.GetFullPath(entry, baseDirectory);
            if (Directory.Exists(path))
            {
                var pages = Directory.EnumerateFiles(path)
                    .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new DiscoveredUrl(new Uri(f)))
                    .ToList();
                if (pages.Count == 0)
                {
                    problems.Add($"directory '{path}' holds no .html, .htm, .xhtml or .txt page");
                }

                urls.AddRange(pages);
            }
            else if (File.Exists(path))
            {
                urls.Add(new DiscoveredUrl(new Uri(path)));
            }
            else
            {
                problems.Add($"no such file or directory '{path}'");
            }
        }

        return Task.FromResult(new DiscoveryResult(urls, problems));
    }
}
