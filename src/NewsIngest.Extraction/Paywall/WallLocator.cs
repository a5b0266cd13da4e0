using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// Finds where the wall starts: the first visible block after the article has begun that carries wall text (any
/// lexicon language) or sits, short, in a vendor wall container. From there on nothing is preview. A wall met before
/// any article text is an overlay (a modal placed first in the page): its own blocks are dropped and reading goes on.
/// </summary>
internal sealed class WallLocator : IExtractionStage
{
    /// <summary>Container words that name a wall by themselves; weaker ones (modal, offer...) need wall text too.</summary>
    private static readonly HashSet<string> StrongContainers = new(StringComparer.Ordinal)
    {
        ".paywall", ".regwall", ".paywalled", ".piano", ".tp", ".zephr", ".poool", ".cxense", ".cx", ".barrier",
        ".loginwall", ".emailwall", ".registerwall", ".paidbarrier", ".piano-paywall", ".fortress", ".storefront",
        "[amp-access=NOT]", "[subscriptions-section=content-not-granted]",
    };

    public void Run(ExtractionContext context)
    {
        var blocks = context.Blocks;
        var textMode = context.Document is null;
        var seenContent = false;
        Block? firstContent = null;
        var lastContent = -1;
        var prompts = new Dictionary<IElement, bool>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < blocks.Count; i++)
        {
            context.Checkpoint();
            var block = blocks[i];
            if (!block.IsVisible)
            {
                continue;
            }

            var phrase = block.Role is BlockRole.Candidate or BlockRole.Boilerplate ? block.Phrase : null;
            var textWall = phrase is not null && Lexicon.IsWallEvidence(phrase.Kind) && block.ChromeReason is null
                && block.LinkDensity < 0.9 && (textMode || Near(block, i, lastContent));
            var domWall = !textMode && block.WallContainer is { } container && StrongContainers.Contains(container)
                && block.Role is BlockRole.Candidate or BlockRole.Boilerplate && block.ChromeReason is null
                && (block.WordCount < 40 || block.InInteractive) && seenContent
                // A container that holds the article's first text wraps content; it is not a prompt.
                && !firstContent!.Element.IsWithin(block.WallElement)
                && IsPrompt(prompts, blocks, i, block.WallElement!);
            if (textWall || domWall)
            {
                if (seenContent)
                {
                    CutAt(context, i, phrase, block);
                    return;
                }

                DropOverlay(context, i, phrase, block);
                continue;
            }

            if (block.Role == BlockRole.Candidate && block.WordCount >= 3)
            {
                seenContent = true;
                firstContent ??= block;
                lastContent = i;
            }
        }
    }

    /// <summary>Whether the wall-named container of block <paramref name="index"/> reads as a prompt; measured once per container.</summary>
    private static bool IsPrompt(Dictionary<IElement, bool> prompts, List<Block> blocks, int index, IElement container)
    {
        if (!prompts.TryGetValue(container, out var prompt))
        {
            prompts[container] = prompt = WallContainerFeatures.Measure(blocks, index, container).IsPrompt;
        }

        return prompt;
    }

    /// <summary>Wall text counts in the article region, in a wall container, or shortly after the article's end.</summary>
    private static bool Near(Block block, int index, int lastContent) =>
        block.Role == BlockRole.Candidate || block.WallContainer is not null || (lastContent >= 0 && index - lastContent <= 12);

    private static void CutAt(ExtractionContext context, int start, Phrase? phrase, Block block)
    {
        var blocks = context.Blocks;
        context.WallStart = block;
        context.Marker = FindMarker(blocks, start, phrase) ?? PromptText(blocks, start, block);
        context.WallKind = KindOf(phrase);
        Evidence(context, phrase, block);
        for (var i = start; i < blocks.Count; i++)
        {
            if (blocks[i].Role is BlockRole.Candidate or BlockRole.Boilerplate or BlockRole.Data or BlockRole.Dek)
            {
                blocks[i].Assign(BlockRole.Wall, i == start ? "wall-start" : "after-wall");
            }
        }
    }

    private static void DropOverlay(ExtractionContext context, int start, Phrase? phrase, Block block)
    {
        var blocks = context.Blocks;
        context.Marker ??= FindMarker(blocks, start, phrase) ?? PromptText(blocks, start, block);
        context.WallKind ??= KindOf(phrase);
        Evidence(context, phrase, block);
        block.Assign(BlockRole.Wall, "overlay");
        for (var i = start + 1; i < blocks.Count; i++)
        {
            var next = blocks[i];
            var sameContainer = block.WallContainer is not null && next.WallContainer == block.WallContainer;
            var wallish = next.Phrase is { } p && (Lexicon.IsWallEvidence(p.Kind) || p.Kind == PhraseKind.Marketing);
            if (next.Role == BlockRole.Candidate && (sameContainer || wallish))
            {
                next.Assign(BlockRole.Wall, "overlay");
            }
            else if (next.Role == BlockRole.Candidate)
            {
                break;
            }
        }
    }

    /// <summary>The wall's own heading: the wall phrase itself, or the first wall-kind phrase just after it.</summary>
    private static string? FindMarker(List<Block> blocks, int start, Phrase? phrase)
    {
        if (phrase?.Kind is PhraseKind.Wall or PhraseKind.Remaining or PhraseKind.Registration)
        {
            return blocks[start].Text;
        }

        for (var i = start + 1; i < Math.Min(blocks.Count, start + 8); i++)
        {
            if (blocks[i].IsVisible && blocks[i].Phrase is { Kind: PhraseKind.Wall or PhraseKind.Remaining or PhraseKind.Registration })
            {
                return blocks[i].Text;
            }
        }

        return null;
    }

    /// <summary>
    /// With no wall phrase, the marker is the prompt's own short text in the wall container ("Get access"), never
    /// article prose that happens to sit in it; null when there is none.
    /// </summary>
    private static string? PromptText(List<Block> blocks, int start, Block wall)
    {
        for (var i = start; i < blocks.Count && (i == start || blocks[i].Element.IsWithin(wall.WallElement)); i++)
        {
            var block = blocks[i];
            if (block.IsVisible && !block.IsProse && block.WordCount is > 0 and <= 20 && block.Type != BlockType.ListItem)
            {
                return block.Text;
            }
        }

        return null;
    }

    private static string KindOf(Phrase? phrase) => phrase?.Kind switch
    {
        PhraseKind.Registration => "registration",
        PhraseKind.Meter => "metered",
        _ => "hard",
    };

    private static void Evidence(ExtractionContext context, Phrase? phrase, Block block)
    {
        if (phrase is not null)
        {
            context.AddSignal(phrase.Signal, 3);
        }

        if (block.WallContainer is { } container)
        {
            context.AddSignal("dom:" + container, phrase is null ? 3 : 1);
        }
    }
}
