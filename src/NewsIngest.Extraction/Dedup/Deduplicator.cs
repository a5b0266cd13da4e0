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
    /// <summary>
    /// A repeated run shorter than this is a repeated title or label ("Endlich mehr Beschleunigung wagen!" as heading
    /// and again as a paragraph), not a teaser copy: what follows it is the article, not a hidden continuation.
    /// </summary>
    private const int MinTeaserRunWords = 15;

    public void Run(ExtractionContext context)
    {
        var blocks = context.Blocks;
        var kept = SizedFor(blocks);
        var keptBlocks = new List<Block>(kept.Capacity);
        var previous = -2;
        var runLength = 0;
        var runWords = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            context.Checkpoint();
            var block = blocks[i];
            var isCandidate = block.Role is BlockRole.Candidate or BlockRole.Dek;
            var afterWall = block.Role == BlockRole.Wall && block.IsVisible;
            if (!isCandidate && !afterWall)
            {
                continue;
            }

            var normalized = block.Normalized;
            if (kept.Find(normalized, block.WordCount) is { } match)
            {
                var original = keptBlocks[match.Index];
                switch (Repeats.Judge(original, block, match.ExtraWords, InCopiedRun(blocks, i, keptBlocks, match.Index, previous)))
                {
                    case RepeatKind.Legitimate:
                        continue;
                    case RepeatKind.BodyRestated:
                        // A summary bullet said first, the body's own paragraph after: the body keeps its copy.
                        original.Assign(BlockRole.Duplicate, "summary-restated");
                        keptBlocks[match.Index] = block;
                        (runLength, runWords, previous) = (0, 0, -2);
                        continue;
                    case RepeatKind.BodyGoesOn:
                        // The standfirst or a summary opens a longer body paragraph: the paragraph is the article.
                        (runLength, runWords, previous) = (0, 0, -2);
                        continue;
                    case RepeatKind.Restatement:
                        block.Assign(BlockRole.Duplicate, "repeat");
                        (runLength, runWords, previous) = (0, 0, -2);
                        continue;
                }

                block.Assign(BlockRole.Duplicate, match.ExtraWords > 0 ? "repeat-longer" : "repeat");
                context.HiddenWords += match.ExtraWords;
                var continuesRun = match.Index == previous + 1;
                runLength = continuesRun ? runLength + 1 : 1;
                runWords = (continuesRun ? runWords : 0) + block.WordCount - match.ExtraWords;
                previous = match.Index;
                if (match.Index == kept.Count - 1 && (runLength >= 2 || kept.Count == 1) && runWords >= MinTeaserRunWords)
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
            runWords = 0;
            previous = -2;
            if (isCandidate)
            {
                kept.Add(normalized, block.WordCount);
                keptBlocks.Add(block);
            }
        }
    }

    /// <summary>
    /// True when the repeat at <paramref name="i"/> of kept block <paramref name="index"/> is part of a run copying the
    /// kept blocks in order: the block before it copied the kept block before, or the next block copies the next one.
    /// </summary>
    private static bool InCopiedRun(List<Block> blocks, int i, List<Block> keptBlocks, int index, int previous)
    {
        if (previous == index - 1)
        {
            return true;
        }

        return i + 1 < blocks.Count && index + 1 < keptBlocks.Count && blocks[i + 1] is { } next
            && next.Role is BlockRole.Candidate or BlockRole.Wall && next.WordCount >= Repeats.ShortLineWords
            && string.Equals(next.Normalized, keptBlocks[index + 1].Normalized, StringComparison.Ordinal);
    }

    private static KeptBlocks SizedFor(List<Block> blocks)
    {
        var candidates = 0;
        var words = 0;
        foreach (var block in blocks)
        {
            if (block.Role is BlockRole.Candidate or BlockRole.Dek)
            {
                candidates++;
                words += block.WordCount >= KeptBlocks.NearWords ? block.WordCount : 0;
            }
        }

        return new KeptBlocks(candidates, words);
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

            if (container is not null && !block.Element.IsWithin(container))
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

}
