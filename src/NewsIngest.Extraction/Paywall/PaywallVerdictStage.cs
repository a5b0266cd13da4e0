using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// Weighs the evidence into a verdict. No single signal decides: a visible wall counts most; hidden continuations,
/// gated parts and a preview much shorter than the declared length count next; structured flags count little, because
/// publishers set them wrongly (research §0.1). Runs after the preview is final.
/// </summary>
internal sealed class PaywallVerdictStage : IExtractionStage
{
    private const double PaywalledAt = 2;
    private const double FreeBelow = 1;

    /// <summary>Fewer visible words than this is a stub, not an article.</summary>
    private const int ShortTeaserWords = 150;

    public void Run(ExtractionContext context)
    {
        var facts = context.Facts;
        foreach (var signal in facts.Signals)
        {
            context.AddSignal(signal, Weight(signal));
        }

        var visible = context.Blocks.Where(b => b.Role == BlockRole.Content).Sum(b => b.WordCount);
        var declared = context.DeclaredWords ?? facts.WordCount;
        if (declared is { } d && d >= 50)
        {
            if (visible < d * 0.9 && d - visible >= 20)
            {
                context.AddSignal($"len:declared={d},visible={visible}", visible < d * 0.5 ? 2 : 1);
            }
            else
            {
                context.WallScore -= 1;
            }
        }

        // A server-side teaser: flagged not free, with a gated part the server left out, no wall in sight and far
        // fewer words than an article has. Either flag alone is common on free pages; the two with a stub are not. The
        // stub must be paragraphs of the article: a caption alone is what a page rendered by script leaves.
        if (context.WallStart is null && declared is null && visible is > 0 and < ShortTeaserWords
            && context.Blocks.Count(b => b.Role == BlockRole.Content && b.IsProse) >= 2
            && facts.Signals.Any(s => s is "ld:isAccessibleForFree=false" or "microdata:isAccessibleForFree=false")
            && facts.Signals.Any(s => s.StartsWith("ld:hasPart:", StringComparison.Ordinal)))
        {
            context.AddSignal($"len:short-teaser,visible={visible}", 1);
        }

        if (facts.ArticleBody is { } body && context.WallStart is not null
            && TextMetrics.CountWords(body) is var bodyWords && bodyWords > visible * 1.5 + 30)
        {
            context.HiddenWords = Math.Max(context.HiddenWords, bodyWords - visible);
            context.AddSignal($"ld:articleBody-words={bodyWords}", 1);
        }

        if (context.WallStart is null && context.HiddenWords == 0 && visible >= 150)
        {
            context.WallScore -= 1; // a long visible text with no wall in sight reads as free
        }

        context.Status = context.WallScore >= PaywalledAt ? PaywallStatus.Paywalled
            : context.WallScore < FreeBelow && visible > 0 ? PaywallStatus.Free
            : PaywallStatus.Unknown;
        if (context.Status == PaywallStatus.Paywalled)
        {
            context.WallKind ??= facts.ContentTier == "metered" ? "metered" : "implicit";
        }
        else if (context.Status == PaywallStatus.Free)
        {
            context.Marker = null;
            context.WallKind = facts.ContentTier == "metered" ? "metered" : null;
        }
    }

    private static double Weight(string signal) => signal switch
    {
        "ld:isAccessibleForFree=false" or "microdata:isAccessibleForFree=false" => 1,
        "ld:isAccessibleForFree=true" or "microdata:isAccessibleForFree=true" => -0.5,
        "meta:content_tier=locked" => 1.5,
        "meta:content_tier=metered" => 0.5,
        "meta:content_tier=free" => -1,
        _ when signal.StartsWith("ld:hasPart:", StringComparison.Ordinal) => 0.25,
        _ => 0,
    };
}
