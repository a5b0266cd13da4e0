using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Templates;

/// <summary>
/// Takes the site's template out of the preview. Given a <see cref="SiteTemplate"/> (none: the stage does nothing),
/// it fingerprints the blocks still candidates for the preview, returns them as the page's
/// <see cref="PageSample"/>, and, once the model is warm, removes the blocks the model knows, but only where they
/// cannot be the article's own text: before the first or after the last block the template does not know, or in a box
/// of their own (not one of the body's paragraphs) between them. A preview the template knows entirely is left whole.
/// </summary>
internal sealed class SiteTemplateStage : IExtractionStage
{
    public const string Reason = "site-template";

    public void Run(ExtractionContext context)
    {
        if (context.Input.SiteTemplate is not { } model)
        {
            return;
        }

        var candidates = context.Blocks.Where(b => b.Role == BlockRole.Candidate).ToList();
        var fingerprints = new ulong[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            fingerprints[i] = TemplateText.Hash(candidates[i].Text, DomPath.Of(candidates[i].Element));
        }

        var sample = SiteTemplateWindow.Sample("", Learned(fingerprints));
        var key = context.Facts.CanonicalUrl ?? context.Input.Url?.AbsoluteUri ?? "content:" + sample.ContentKey;
        context.TemplateSample = sample with { PageKey = key };
        if (!model.IsWarm)
        {
            return;
        }

        context.TemplateApplied = model;
        var known = new bool[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            known[i] = model.Contains(fingerprints[i]) && !model.Keeps(candidates[i].Text);
        }

        var first = Array.IndexOf(known, false);
        if (first < 0)
        {
            return;
        }

        var last = Array.LastIndexOf(known, false);
        var body = BodyOf(candidates, known);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (known[i] && (i < first || i > last || (body is not null && candidates[i].Element?.ParentElement != body)))
            {
                candidates[i].Assign(BlockRole.Template, Reason);
            }
        }
    }

    /// <summary>The fingerprints the page teaches: all, or the first and last half of <see cref="SiteTemplateWindow.MaxBlocksPerPage"/>.</summary>
    private static IEnumerable<ulong> Learned(ulong[] fingerprints)
    {
        const int Half = SiteTemplateWindow.MaxBlocksPerPage / 2;
        return fingerprints.Length <= SiteTemplateWindow.MaxBlocksPerPage
            ? fingerprints
            : fingerprints.Take(Half).Concat(fingerprints.Skip(fingerprints.Length - Half));
    }

    /// <summary>The element whose child blocks hold most of the words the template does not know: the article body.</summary>
    private static IElement? BodyOf(List<Block> candidates, bool[] known)
    {
        var words = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        IElement? best = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!known[i] && candidates[i].Element?.ParentElement is { } parent)
            {
                var total = words[parent] = words.GetValueOrDefault(parent) + candidates[i].WordCount;
                if (best is null || total > words[best])
                {
                    best = parent;
                }
            }
        }

        return best;
    }
}
