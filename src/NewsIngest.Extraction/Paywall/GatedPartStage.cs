using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// Structured data's <c>hasPart.cssSelector</c> (and AMP <c>subscriptions-section="content"</c>) name the part of the
/// page that is not free. When free text precedes it, that part is hidden from the anonymous reader: its blocks leave
/// the preview and count as hidden words. When it covers everything, the flag alone decides nothing (LA Times sets it
/// on every article).
/// </summary>
internal sealed class GatedPartStage : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        MarkSelectors(context);
        var blocks = context.Blocks;
        var firstGated = blocks.FindIndex(b => b.InGatedPart && b.IsVisible && b.Role == BlockRole.Candidate);
        if (firstGated < 0)
        {
            return;
        }

        var freeBefore = blocks.Take(firstGated).Any(b => b.Role == BlockRole.Candidate && !b.InGatedPart && b.WordCount >= 8);
        if (!freeBefore)
        {
            context.AddSignal("dom:gated-part-covers-all");
            return;
        }

        // A gated part that carries the wall's own prompt holds the teaser before it: the server sent the visible part
        // and the wall, not the article. Its text before the prompt is the preview; the wall locator cuts at the prompt.
        var prompt = blocks.FindIndex(firstGated, b => b.InGatedPart && b.IsVisible && b.Phrase is { } p && Lexicon.IsWallEvidence(p.Kind));
        if (prompt >= 0)
        {
            context.AddSignal("dom:gated-part-holds-wall");
            return;
        }

        var words = 0;
        foreach (var block in blocks.Skip(firstGated))
        {
            if (block.InGatedPart && block.Role == BlockRole.Candidate)
            {
                block.Assign(BlockRole.Hidden, "gated-part");
                words += block.WordCount;
            }
        }

        context.HiddenWords += words;
        context.AddSignal("dom:gated-part-hidden", 2);
    }

    private static void MarkSelectors(ExtractionContext context)
    {
        if (context.Document is null || context.Facts.GatedSelectors.Count == 0)
        {
            return;
        }

        var gated = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var selector in context.Facts.GatedSelectors)
        {
            try
            {
                foreach (var element in context.Document.QuerySelectorAll(selector))
                {
                    gated.Add(element);
                }
            }
            catch (DomException)
            {
                context.AddSignal("ld:hasPart-bad-selector");
            }
        }

        if (gated.Count == 0)
        {
            return;
        }

        foreach (var block in context.Blocks)
        {
            for (var element = block.Element; element is not null; element = element.ParentElement)
            {
                if (gated.Contains(element))
                {
                    block.InGatedPart = true;
                    break;
                }
            }
        }
    }
}
