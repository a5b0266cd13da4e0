namespace NewsIngest.Ingestion.Discovery.Selection;

/// <summary>
/// The articles of one source in one pass, keyed by canonical URL: an article listed by several feeds or sitemaps
/// is kept once, its first date kept and its hints merged (the first listing's value wins per key).
/// </summary>
internal sealed class DiscoveredUrlSet
{
    private readonly Dictionary<string, (int Order, DiscoveredUrl Url)> _byUrl = new(StringComparer.Ordinal);

    public int Count => _byUrl.Count;

    public void AddRange(IEnumerable<DiscoveredUrl> urls)
    {
        foreach (var url in urls)
        {
            Add(url);
        }
    }

    public void Add(DiscoveredUrl url)
    {
        var key = url.Url.AbsoluteUri;
        if (!_byUrl.TryGetValue(key, out var existing))
        {
            _byUrl[key] = (_byUrl.Count, url);
            return;
        }

        var hints = new Dictionary<string, string>(existing.Url.Hints ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in url.Hints ?? new Dictionary<string, string>())
        {
            hints.TryAdd(name, value);
        }

        _byUrl[key] = (existing.Order, existing.Url with
        {
            PublishedAt = existing.Url.PublishedAt ?? url.PublishedAt,
            Hints = hints,
        });
    }

    /// <summary>
    /// The URLs that pass <paramref name="filter"/> and are not older than <paramref name="maxAge"/>, newest first
    /// (undated last, in listing order), at most <paramref name="maxItems"/>.
    /// </summary>
    public IReadOnlyList<DiscoveredUrl> Select(DateTimeOffset now, TimeSpan? maxAge, int? maxItems, SourceFilter filter)
    {
        var oldest = maxAge is { } age ? now - age : DateTimeOffset.MinValue;
        var selected = _byUrl.Values
            .Where(e => e.Url.PublishedAt is not { } date || date >= oldest)
            .Where(e => filter.Allows(e.Url.Url.AbsoluteUri))
            .OrderBy(e => e.Url.PublishedAt is null ? 1 : 0)
            .ThenByDescending(e => e.Url.PublishedAt ?? DateTimeOffset.MinValue)
            .ThenBy(e => e.Order)
            .Select(e => e.Url);
        return (maxItems is { } max ? selected.Take(max) : selected).ToList();
    }
}
