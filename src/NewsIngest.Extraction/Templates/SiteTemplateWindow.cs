using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace NewsIngest.Extraction.Templates;

/// <summary>
/// Learns one site's template from its recent pages: the last <see cref="Capacity"/> distinct pages (distinct by page
/// key and by content key), and for every block fingerprint how many of them carry it. Pure and in memory; the caller
/// persists <see cref="Pages"/> and replays them in order to rebuild it. Not thread-safe: one owner per site.
/// </summary>
public sealed class SiteTemplateWindow
{
    /// <summary>The default window: the last 50 distinct pages of a site.</summary>
    public const int DefaultCapacity = 50;

    /// <summary>
    /// At most this many block fingerprints of a page are learned (<see cref="SiteTemplateStage"/> keeps the first and
    /// the last half: a template sits at the head and tail), so a site's window holds at most
    /// <see cref="DefaultCapacity"/> × 256 fingerprints, whatever its pages.
    /// </summary>
    public const int MaxBlocksPerPage = 256;

    private readonly LinkedList<PageSample> _pages = new();
    private readonly Dictionary<string, LinkedListNode<PageSample>> _byPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pageByContent = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _carriers = [];
    private SiteTemplate? _snapshot;

    public SiteTemplateWindow(string site, int capacity = DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, SiteTemplate.MinPages);
        Site = site;
        Capacity = capacity;
    }

    public string Site { get; }

    /// <summary>At most this many pages are counted; the oldest leaves when a new one comes.</summary>
    public int Capacity { get; }

    /// <summary>The pages counted, oldest first.</summary>
    public IEnumerable<PageSample> Pages => _pages;

    public int Count => _pages.Count;

    /// <summary>A sample of <paramref name="blocks"/> keyed by their own content (see <see cref="PageSample.ContentKey"/>).</summary>
    public static PageSample Sample(string pageKey, IEnumerable<ulong> blocks)
    {
        ulong[] distinct = [.. blocks.Distinct().Order()];
        var hash = new XxHash64();
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        foreach (var block in distinct)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, block);
            hash.Append(bytes);
        }

        return new PageSample(pageKey, hash.GetCurrentHashAsUInt64().ToString("x16", CultureInfo.InvariantCulture), distinct);
    }

    /// <summary>
    /// True when <see cref="Observe"/> would change the window: the page is new, or known under its key with other
    /// content, and no other page of the window has its content. A caller that persists the window saves the page
    /// first and observes it after, so a failed save leaves memory and store alike.
    /// </summary>
    public bool Admits(PageSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return !_pageByContent.ContainsKey(sample.ContentKey);
    }

    /// <summary>
    /// Counts a page. A page already counted under the same key with other content replaces its old entry and becomes
    /// the newest; content already counted (under this key or another) counts once, and the window is left as it is.
    /// Returns true when the window changed.
    /// </summary>
    public bool Observe(PageSample sample)
    {
        if (!Admits(sample))
        {
            return false;
        }

        if (_byPage.TryGetValue(sample.PageKey, out var existing))
        {
            Remove(existing);
        }

        var node = _pages.AddLast(new PageSample(sample.PageKey, sample.ContentKey, [.. sample.Blocks.Distinct().Order().Take(MaxBlocksPerPage)]));
        _byPage[sample.PageKey] = node;
        _pageByContent[sample.ContentKey] = sample.PageKey;
        foreach (var block in node.Value.Blocks)
        {
            _carriers[block] = _carriers.GetValueOrDefault(block) + 1;
        }

        while (_pages.Count > Capacity)
        {
            Remove(_pages.First!);
        }

        _snapshot = null;
        return true;
    }

    /// <summary>The model as the window stands; the same object until the window changes.</summary>
    public SiteTemplate Snapshot() => _snapshot ??= SiteTemplate.FromCounts(Site, _pages.Count, _carriers);

    private void Remove(LinkedListNode<PageSample> node)
    {
        _pages.Remove(node);
        _byPage.Remove(node.Value.PageKey);
        _pageByContent.Remove(node.Value.ContentKey);
        foreach (var block in node.Value.Blocks)
        {
            if (--_carriers[block] == 0)
            {
                _carriers.Remove(block);
            }
        }
    }
}
