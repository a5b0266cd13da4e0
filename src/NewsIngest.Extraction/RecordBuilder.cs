using System.IO.Hashing;
using System.Text;
using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.Similarity;

namespace NewsIngest.Extraction;

/// <summary>The last step: turns the classified blocks and facts into the immutable record.</summary>
internal static class RecordBuilder
{
    private static readonly int RoleCount = Enum.GetValues<BlockRole>().Length;

    public static ArticleRecord Build(ExtractionContext context)
    {
        var facts = context.Facts;
        var blocks = new List<PreviewBlock>();
        var removed = new int[RoleCount];
        foreach (var block in context.Blocks)
        {
            removed[(int)block.Role]++;
            if (block.Role == BlockRole.Content)
            {
                blocks.Add(new PreviewBlock(block.Type, block.Text));
            }
        }

        blocks = PreviewCap.Apply(blocks, context);
        var text = string.Join("\n\n", blocks.Select(b => b.Text));
        // The content hash and the fingerprint read the same folded text.
        var folded = TextNormalizer.Normalize(text);
        var contentHash = Hash(folded);
        var url = context.Input.Url?.AbsoluteUri;
        var canonical = facts.CanonicalUrl ?? url;
        var id = canonical is not null ? Hash(canonical) : contentHash;

        return new ArticleRecord
        {
            Id = id,
            Url = url,
            CanonicalUrl = canonical,
            SiteName = facts.SiteName,
            Language = facts.Language,
            Headline = context.Headline,
            Dek = context.Dek,
            Section = context.Section,
            Authors = facts.Authors.ToArray(),
            PublishedAt = facts.PublishedAt,
            ModifiedAt = facts.ModifiedAt,
            Preview = new Preview
            {
                Blocks = blocks,
                Text = text,
                WordCount = blocks.Sum(b => TextMetrics.CountWords(b.Text)),
            },
            Paywall = new PaywallInfo
            {
                Status = context.Status,
                Kind = context.WallKind,
                Marker = context.Marker,
                DeclaredWordCount = context.DeclaredWords ?? facts.WordCount,
                AccessibleForFree = facts.IsAccessibleForFree,
                ContentTier = facts.ContentTier,
                HiddenWords = context.HiddenWords,
                Signals = context.Signals.ToArray(),
            },
            Removed = new RemovedCounts
            {
                Boilerplate = removed[(int)BlockRole.Boilerplate] + removed[(int)BlockRole.Data],
                Duplicates = removed[(int)BlockRole.Duplicate],
                Hidden = removed[(int)BlockRole.Hidden],
                Wall = removed[(int)BlockRole.Wall],
                Template = removed[(int)BlockRole.Template],
            },
            ContentHash = contentHash,
            Fingerprint = SimHash.ToHex(SimHash.OfFolded(folded)),
            Extractor = ExtractorInfo.Current,
            SiteTemplate = context.TemplateApplied is { } model ? new SiteTemplateInfo(model.Site, model.Version) : null,
        };
    }

    /// <summary>
    /// XxHash128 as 32 lower-case hex digits: its canonical big-endian bytes, which are the digits of the 128-bit value,
    /// written here digit by digit (UInt128's hex formatting and the vectorised hex converter are JIT-compiled at start).
    /// </summary>
    public static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(Encoding.UTF8.GetBytes(text), digest);
        Span<char> digits = stackalloc char[32];
        for (var i = 0; i < digest.Length; i++)
        {
            digits[2 * i] = HexDigits[digest[i] >> 4];
            digits[(2 * i) + 1] = HexDigits[digest[i] & 0xF];
        }

        return new string(digits);
    }

    private const string HexDigits = "0123456789abcdef";
}
