namespace NewsIngest.Extraction.Templates;

/// <summary>
/// The windows of several sites, for callers that learn from a batch of pages (<c>extract</c> of a directory,
/// <c>eval</c>): observe every page in a fixed order, then ask each site's model. Not thread-safe.
/// </summary>
public sealed class SiteTemplateSet(int capacity = SiteTemplateWindow.DefaultCapacity)
{
    private readonly Dictionary<string, SiteTemplateWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>How many sites are known.</summary>
    public int Count => _windows.Count;

    /// <summary>
    /// The site a page belongs to: its host in lower case, without a leading <c>www.</c>; for a <c>file:</c> page the
    /// directory it is in (the pages of one directory are one site); null when unknown. A non-default port is kept
    /// (<c>127.0.0.1:5001</c> and <c>127.0.0.1:5002</c> are two sites), as the near-duplicate index's site key does.
    /// </summary>
    public static string? SiteOf(Uri? url) =>
        url is not { IsAbsoluteUri: true } ? null
        : url.IsFile && url.Host.Length == 0 ? Path.GetDirectoryName(url.LocalPath)
        : url.Host.Length > 0 ? (url.IsDefaultPort ? Site(url.Host) : $"{Site(url.Host)}:{url.Port}")
        : null;

    /// <summary>The site of the first address that has a host: an explicit address, the canonical URL, the fetch URL.</summary>
    public static string? SiteOf(params string?[] addresses)
    {
        foreach (var address in addresses)
        {
            if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var url) && SiteOf(url) is { } site)
            {
                return site;
            }
        }

        return null;
    }

    public void Observe(string site, PageSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!_windows.TryGetValue(site, out var window))
        {
            _windows[site] = window = new SiteTemplateWindow(site, capacity);
        }

        window.Observe(sample);
    }

    /// <summary>The site's model; an empty one for a site no page was observed of.</summary>
    public SiteTemplate For(string site) =>
        _windows.TryGetValue(site, out var window) ? window.Snapshot() : SiteTemplate.Empty(site);

    private static string Site(string host)
    {
        var lower = host.ToLowerInvariant().TrimEnd('.');
        return lower.StartsWith("www.", StringComparison.Ordinal) && lower.Length > 4 ? lower[4..] : lower;
    }
}
