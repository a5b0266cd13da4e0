using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace NewsIngest.Extraction.Templates;

/// <summary>
/// What repeats across one site's pages: the fingerprints of the blocks that at least half of the site's recent
/// distinct pages carry (and at least <see cref="MinCarriers"/>), once <see cref="MinPages"/> pages are known.
/// Immutable and I/O-free; built by <see cref="SiteTemplateWindow.Snapshot"/> and given to an extraction in
/// <see cref="PageInput.SiteTemplate"/>. The same pages in any order give the same model and the same
/// <see cref="Version"/>.
/// </summary>
public sealed class SiteTemplate
{
    /// <summary>The model's format: part of every <see cref="Version"/>, so a change to the fold or the rule changes them all.</summary>
    public const int FormatVersion = 1;

    /// <summary>A site's template is known once this many distinct pages of it are.</summary>
    public const int MinPages = 5;

    /// <summary>A block is the template's only when at least this many pages carry it (and half of them).</summary>
    public const int MinCarriers = 3;

    private readonly HashSet<ulong> _blocks;
    private readonly string[] _kept;

    private SiteTemplate(string site, int pages, ulong[] blocks, string[] kept)
    {
        Site = site;
        Pages = pages;
        Blocks = blocks;
        _blocks = [.. blocks];
        _kept = kept;
        Version = VersionOf(blocks);
    }

    private SiteTemplate(SiteTemplate model, string[] kept)
    {
        Site = model.Site;
        Pages = model.Pages;
        Blocks = model.Blocks;
        _blocks = model._blocks;
        _kept = kept;
        Version = model.Version;
    }

    /// <summary>The site: a host name, or the name the caller gave a set of pages.</summary>
    public string Site { get; }

    /// <summary>How many distinct pages the model was learned from.</summary>
    public int Pages { get; }

    /// <summary>True when enough pages are known for the model to remove anything.</summary>
    public bool IsWarm => Pages >= MinPages;

    /// <summary>The template's block fingerprints, sorted.</summary>
    public IReadOnlyList<ulong> Blocks { get; }

    /// <summary>Folded texts the template never removes (a source's standing disclaimer), matched as block openings.</summary>
    public IReadOnlyList<string> Kept => _kept;

    /// <summary>16 hex digits naming the template's blocks and the format: records cleaned alike carry the same.</summary>
    public string Version { get; }

    /// <summary>A model that knows no pages: an extraction given it learns (returns a sample) and removes nothing.</summary>
    public static SiteTemplate Empty(string site) => new(site, 0, [], []);

    /// <summary>The model of <paramref name="pages"/> distinct pages, from how many of them carry each fingerprint.</summary>
    public static SiteTemplate FromCounts(string site, int pages, IEnumerable<KeyValuePair<ulong, int>> carriers)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(carriers);
        ulong[] blocks = pages < MinPages
            ? []
            : [.. carriers.Where(c => c.Value >= MinCarriers && 2 * c.Value >= pages).Select(c => c.Key).Order()];
        return new SiteTemplate(site, pages, blocks, []);
    }

    /// <summary>
    /// This model with texts it must never remove: a block whose folded text opens with one of them stays in the
    /// preview (a standing disclaimer the publisher wants kept). Does not change <see cref="Version"/>.
    /// </summary>
    public SiteTemplate WithKept(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[] kept = [.. texts.Select(TemplateText.Fold).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        return kept.SequenceEqual(_kept) ? this : new SiteTemplate(this, kept);
    }

    internal bool Contains(ulong fingerprint) => _blocks.Contains(fingerprint);

    internal bool Keeps(string text)
    {
        if (_kept.Length == 0)
        {
            return false;
        }

        var folded = TemplateText.Fold(text);
        return _kept.Any(k => folded.StartsWith(k, StringComparison.Ordinal));
    }

    private static string VersionOf(ulong[] blocks)
    {
        var hash = new XxHash64(FormatVersion);
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        foreach (var block in blocks)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, block);
            hash.Append(bytes);
        }

        return hash.GetCurrentHashAsUInt64().ToString("x16", CultureInfo.InvariantCulture);
    }
}
