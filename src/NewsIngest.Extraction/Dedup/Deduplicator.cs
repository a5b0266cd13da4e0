using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Dedup;

/// <summary>
/// Removes repeated blocks within one page, deterministically: exact and normalized repeats (white space, NBSP,
/// quotes, dashes, bullet glyphs), near-duplicates (word 3-gram Jaccard ≥ 0.9), a block that repeats a kept block and
/// goes on (a longer copy), and a repeated run of the whole teaser together with its continuation (a hidden second
/// body must neither duplicate the teaser nor leak the rest). Blocks behind the wall are checked too, so the record
/// counts them as duplicates and measures the hidden continuation.
/// </summary>
internal sealed class Deduplicator : IExtractionStage
{
    private const double NearThreshold = 0.9;
    private const int NearMinWords = 8;
    private const int MaxPairwise = 400;

    public void Run(ExtractionContext context)
    {
        var kept = new List<Kept>();
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = context.Blocks;
        var previous = -2;
        var runLength = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var isCandidate = block.Role == BlockRole.Candidate;
            var afterWall = block.Role == BlockRole.Wall && block.IsVisible;
            if (!isCandidate && !afterWall && block.Role != BlockRole.Dek)
            {
                continue;
            }

            var normalized = TextNormalizer.Normalize(block.Text);
            var match = FindMatch(normalized, block.WordCount, kept, exact);
            if (match is { } m)
            {
                block.Assign(BlockRole.Duplicate, m.Extra > 0 ? "repeat-longer" : "repeat");
                context.HiddenWords += m.Extra;
                runLength = m.Index == previous + 1 ? runLength + 1 : 1;
                previous = m.Index;
                if (m.Index == kept.Count - 1 && (runLength >= 2 || kept.Count == 1))
                {
                    // The teaser came again up to its last block: what follows in the same container is its hidden
                    // continuation.
                    i = DropContinuation(context, i);
                    runLength = 0;
                    previous = -2;
                }

                continue;
            }

            runLength = 0;
            previous = -2;
            if (isCandidate || block.Role == BlockRole.Dek)
            {
                exact.TryAdd(normalized, kept.Count);
                kept.Add(new Kept(normalized, block.WordCount >= NearMinWords ? Shingles.Of(normalized) : null));
            }
        }
    }

    private static Match? FindMatch(string normalized, int words, List<Kept> kept, Dictionary<string, int> exact)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        if (exact.TryGetValue(normalized, out var index))
        {
            return new Match(index, 0);
        }

        HashSet<ulong>? shingles = null;
        // Near and prefix tests are quadratic: bound them on hostile pages with thousands of blocks.
        for (var k = 0; k < Math.Min(kept.Count, MaxPairwise); k++)
        {
            var candidate = kept[k];
            if (candidate.Text.Length >= 40 && normalized.Length > candidate.Text.Length
                && normalized.StartsWith(candidate.Text, StringComparison.Ordinal))
            {
                var extra = TextMetrics.CountWords(normalized.AsSpan(candidate.Text.Length));
                return new Match(k, extra);
            }

            if (words >= NearMinWords && candidate.Shingles is not null
                && Math.Abs(candidate.Text.Length - normalized.Length) <= normalized.Length / 5)
            {
                shingles ??= Shingles.Of(normalized);
                if (Shingles.Jaccard(shingles, candidate.Shingles) >= NearThreshold)
                {
                    return new Match(k, 0);
                }
            }
        }

        return null;
    }

    /// <summary>Drops the blocks after a repeated teaser that sit in the same container (or, in text, to the end).</summary>
    private static int DropContinuation(ExtractionContext context, int runEnd)
    {
        var blocks = context.Blocks;
        var container = blocks[runEnd].Element?.ParentElement;
        var i = runEnd + 1;
        var words = 0;
        for (; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Role is not (BlockRole.Candidate or BlockRole.Wall) || !block.IsVisible)
            {
                continue;
            }

            if (container is not null && !IsInside(block.Element, container))
            {
                break;
            }

            words += block.WordCount;
            block.Assign(BlockRole.Duplicate, "repeat-continuation");
        }

        if (words > 0)
        {
            context.HiddenWords += words;
            context.AddSignal($"dup:teaser-repeated,continues={words}", 2);
        }

        return i - 1;
    }

    private static bool IsInside(AngleSharp.Dom.IElement? element, AngleSharp.Dom.IElement container)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e == container)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Kept(string Text, HashSet<ulong>? Shingles);

    private readonly record struct Match(int Index, int Extra);
}
