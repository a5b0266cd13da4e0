using System.Runtime.InteropServices;
using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Finds the article body: scores each container by the prose it holds (Readability's idea: a paragraph's score flows
/// to its parent, half of it to the grandparent...), weighs it by its class vocabulary and semantics, picks the best,
/// joins sibling containers that hold good prose too, and marks candidate blocks outside that region as boilerplate.
/// </summary>
internal sealed class MainContentLocator : IExtractionStage
{
    private const int AncestorLevels = 5;
    private const int MaxClimb = 4;

    /// <summary>How far above the nearest levels the body may still be found, when it is split over sections.</summary>
    private const int MaxSectionClimb = 8;

    /// <summary>Above the nearest levels, an ancestor is the body only when it holds this many times the prose.</summary>
    private const int SectionProseFactor = 3;

    /// <summary>Short non-prose lines the lead rescue walks over between the lead and the body.</summary>
    private const int MaxLeadSkips = 2;

    /// <summary>Before the body and between its blocks, a sentence or two of prose is the article's.</summary>
    private const int MinLeadProseWords = 10;

    /// <summary>After the body, only full paragraphs count as its continuation; short lines there are end matter.</summary>
    private const int MinTrailingProseWords = 20;

    public void Run(ExtractionContext context)
    {
        if (context.Document is null)
        {
            return;
        }

        RescueProseFromChrome(context.Blocks);
        var stats = new Dictionary<IElement, ContainerStats>(ReferenceEqualityComparer.Instance);
        foreach (var block in context.Blocks)
        {
            if (block.Role == BlockRole.Candidate && block.Element is not null)
            {
                Accumulate(block, stats);
            }
        }

        var top = BestContainer(stats);
        if (top is null)
        {
            return;
        }

        top = Climb(top, stats);
        var region = Region(top, stats);
        foreach (var block in context.Blocks)
        {
            if (block.Role == BlockRole.Candidate && block.Element is not null && !InRegion(block.Element, region))
            {
                block.Assign(BlockRole.Boilerplate, "outside-main");
            }
        }

        RescueAdjacentProse(context.Blocks);
    }

    /// <summary>
    /// The body container is often not the whole article: the lead paragraph sits in the article's header, a paragraph
    /// between two figures in a wrapper of its own, the last paragraphs after an ad slot. Prose just before the body
    /// (back to the headline), between two body blocks and right after it belongs to the article.
    /// </summary>
    private static void RescueAdjacentProse(List<Block> blocks)
    {
        var first = blocks.FindIndex(b => b.Role == BlockRole.Candidate && b.Element is not null);
        var last = blocks.FindLastIndex(b => b.Role == BlockRole.Candidate && b.Element is not null);
        if (first < 0)
        {
            return;
        }

        for (var i = first + 1; i < last; i++)
        {
            if (IsOutsideMain(blocks[i]) && IsParagraph(blocks[i], MinLeadProseWords))
            {
                blocks[i].Assign(BlockRole.Candidate, "gap-rescued");
            }
        }

        RescueTrailingProse(blocks, last);
        RescueLead(blocks, first);
    }

    /// <summary>Walks up from the body to the headline, taking prose paragraphs and stepping over a few short lines.</summary>
    private static void RescueLead(List<Block> blocks, int first)
    {
        var skipped = 0;
        for (var i = first - 1; i >= 0 && skipped <= MaxLeadSkips; i--)
        {
            var block = blocks[i];
            if (block.HeadingLevel == 1 || (IsOutsideMain(block) && block.LinkDensity >= 0.5))
            {
                break;
            }

            if (!IsOutsideMain(block))
            {
                continue;
            }

            if (IsParagraph(block, MinLeadProseWords))
            {
                block.Assign(BlockRole.Candidate, "lead-rescued");
            }
            else
            {
                // A caption, a date or a share line between the lead and the body.
                skipped++;
            }
        }
    }

    /// <summary>
    /// The article often goes on after an interruption that sits outside the body container (an ad slot, a widget):
    /// paragraphs of real prose right after the body are its continuation, up to the first link list or a few
    /// non-prose lines.
    /// </summary>
    private static void RescueTrailingProse(List<Block> blocks, int last)
    {
        var skipped = 0;
        for (var i = last + 1; i < blocks.Count && skipped <= MaxLeadSkips; i++)
        {
            var block = blocks[i];
            if (!IsOutsideMain(block))
            {
                continue;
            }

            if (block.LinkDensity >= 0.5)
            {
                break;
            }

            if (IsParagraph(block, MinTrailingProseWords))
            {
                block.Assign(BlockRole.Candidate, "trail-rescued");
            }
            else
            {
                skipped++;
            }
        }
    }

    private static bool IsOutsideMain(Block block) => block.Role == BlockRole.Boilerplate && block.Reason == "outside-main";

    /// <summary>A paragraph or quote of at least <paramref name="minWords"/> words with few links.</summary>
    private static bool IsParagraph(Block block, int minWords) =>
        block.Type is BlockType.Paragraph or BlockType.Quote && block.WordCount >= minWords && block.LinkDensity < 0.2;

    /// <summary>
    /// When chrome rules took most of the page's prose (an article inside a &lt;header&gt;, a body class that reads like
    /// a sidebar), they were wrong for this page: that prose goes back into the running, and the body locator decides.
    /// Navigation proper stays out.
    /// </summary>
    private static void RescueProseFromChrome(List<Block> blocks)
    {
        var candidateProse = blocks.Where(b => b.Role == BlockRole.Candidate && b.IsProse).Sum(b => b.Text.Length);
        var chromeProse = blocks.Where(b => IsRescuable(b) && b.IsProse).Sum(b => b.Text.Length);
        if (chromeProse <= (2 * candidateProse) + 500)
        {
            return;
        }

        foreach (var block in blocks)
        {
            if (IsRescuable(block))
            {
                block.Assign(BlockRole.Candidate, "chrome-rescued");
            }
        }
    }

    private static bool IsRescuable(Block block) =>
        block.Role == BlockRole.Boilerplate && block.Reason is { } reason && reason.StartsWith("chrome:", StringComparison.Ordinal)
        && reason is not ("chrome:nav" or "chrome:menu" or "chrome:[role=navigation]" or "chrome:.comments" or "chrome:.comment");

    private static void Accumulate(Block block, Dictionary<IElement, ContainerStats> stats)
    {
        var prose = block.Type != BlockType.Heading && block.Text.Length >= 25;
        var score = prose ? (1 + Commas(block.Text) + Math.Min(block.Text.Length / 100.0, 3)) * (1 - block.LinkDensity) : 0;
        // Like Readability, a paragraph scores for the containers around it, not for itself; its own element still
        // counts its prose, so a lone <p> beside the body can join the region as a sibling.
        var element = block.Element;
        for (var level = -1; element is not null; level++, element = element.ParentElement)
        {
            // One hash lookup per ancestor, found or added: every block climbs to the root.
            var entry = CollectionsMarshal.GetValueRefOrAddDefault(stats, element, out _) ??= new ContainerStats();

            if (level >= 0 && level < AncestorLevels)
            {
                entry.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }

            entry.Chars += block.Text.Length;
            entry.LinkChars += block.LinkChars;
            if (prose && block.LinkDensity < 0.3)
            {
                entry.ProseChars += block.Text.Length;
            }
        }
    }

    private static IElement? BestContainer(Dictionary<IElement, ContainerStats> stats)
    {
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, entry) in stats)
        {
            if (element.LocalName is "body" or "html")
            {
                continue;
            }

            entry.Weighted = entry.Score * Weight(element) * (1 - entry.LinkDensity);
            if (entry.Weighted > bestScore)
            {
                best = element;
                bestScore = entry.Weighted;
            }
        }

        return best;
    }

    /// <summary>
    /// Moves up while the parent holds clearly more good prose: a body split over sibling containers (a summary list
    /// and the paragraphs) is one article. Page builders wrap each section of a body (a heading and a few paragraphs)
    /// in four or five containers of its own, so the best single container can be one section: further up, an
    /// ancestor with few links that holds several times its prose is the body.
    /// </summary>
    private static IElement Climb(IElement top, Dictionary<IElement, ContainerStats> stats)
    {
        var current = top;
        var parent = top.ParentElement;
        for (var level = 0; level < MaxSectionClimb && parent is not null && parent.LocalName is not ("body" or "html"); level++, parent = parent.ParentElement)
        {
            var above = stats[parent];
            if (above.LinkDensity > 0.4 || Weight(parent) < 0.75)
            {
                break;
            }

            var prose = stats[current].ProseChars;
            if (level < MaxClimb
                ? above.ProseChars >= (prose * 1.15) + 40
                : above.ProseChars >= prose * SectionProseFactor && above.LinkDensity < 0.25)
            {
                current = parent;
            }
        }

        return current;
    }

    /// <summary>
    /// The body container and its sibling containers of good prose. Page builders nest each section of a body in a
    /// row and a column of its own: beside the outermost wrapper that holds nothing but the body, siblings built the
    /// same way (same tag and class) that hold good prose join too, so a body split over such sections is joined whole.
    /// </summary>
    private static HashSet<IElement> Region(IElement top, Dictionary<IElement, ContainerStats> stats)
    {
        var region = new HashSet<IElement>(ReferenceEqualityComparer.Instance) { top };
        var threshold = stats[top].Weighted * 0.2;
        if (top.ParentElement is { } parent)
        {
            foreach (var sibling in parent.Children)
            {
                if (sibling != top && stats.TryGetValue(sibling, out var entry) && (entry.Weighted >= threshold || IsGoodProse(sibling, entry)))
                {
                    region.Add(sibling);
                }
            }
        }

        var wrapper = OutermostWrapper(top, stats);
        if (wrapper != top && wrapper.ParentElement is { } outer)
        {
            var cls = wrapper.GetAttribute("class");
            foreach (var sibling in outer.Children)
            {
                if (sibling != wrapper && sibling.LocalName == wrapper.LocalName && sibling.GetAttribute("class") == cls
                    && stats.TryGetValue(sibling, out var entry) && IsGoodProse(sibling, entry))
                {
                    region.Add(sibling);
                }
            }
        }

        return region;
    }

    private static bool IsGoodProse(IElement element, ContainerStats entry) =>
        entry.ProseChars >= 80 && entry.LinkDensity < 0.25 && Weight(element) >= 0.75;

    /// <summary>Climbs from <paramref name="top"/> while the parent holds no text of its own beside it.</summary>
    private static IElement OutermostWrapper(IElement top, Dictionary<IElement, ContainerStats> stats)
    {
        var current = top;
        var chars = stats[top].Chars;
        for (var parent = top.ParentElement;
            parent is not null && parent.LocalName is not ("body" or "html") && stats[parent].Chars == chars;
            parent = parent.ParentElement)
        {
            current = parent;
        }

        return current;
    }

    private static bool InRegion(IElement element, HashSet<IElement> region)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            if (region.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    private static double Weight(IElement element)
    {
        var weight = element.LocalName switch
        {
            "article" => 1.3,
            "main" => 1.1,
            "p" or "td" or "pre" or "blockquote" => 1.0,
            "li" or "ul" or "ol" or "dl" or "form" or "table" => 0.8,
            _ => 1.0,
        };
        if (element.GetAttribute("itemprop") is "articleBody" or "text")
        {
            weight *= 1.5;
        }

        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (cls is null && id is null)
        {
            return weight;
        }

        var attributes = $"{cls} {id}".ToLowerInvariant();
        if (ElementVocabulary.Negative.FirstMatch(attributes) is not null)
        {
            weight *= 0.5;
        }

        if (ElementVocabulary.Body.FirstMatch(attributes) is not null)
        {
            weight *= 1.25;
        }

        return weight;
    }

    private static int Commas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、' or '،')
            {
                count++;
            }
        }

        return Math.Min(count, 10);
    }

    private sealed class ContainerStats
    {
        public double Score { get; set; }
        public double Weighted { get; set; }
        public int Chars { get; set; }
        public int LinkChars { get; set; }
        public int ProseChars { get; set; }
        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
    }
}
