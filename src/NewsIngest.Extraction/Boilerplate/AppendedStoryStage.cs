using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Ends the article where other stories are appended to it, judged from their shape, not their words:
/// <list type="bullet">
/// <item>a teaser list: two or more linked headlines, each with a short unlinked excerpt, either under a short label
/// ("More from the islands") or each in a card of its own. The list and its label are not article text;</item>
/// <item>the next story of an infinite scroll: after the article's prose, a heading of the headline's level in another
/// <c>&lt;article&gt;</c> than the headline's. Nothing from there on is this article.</item>
/// </list>
/// A body whose subheadings are links over paragraphs of their own stays: such items are neither under a label nor
/// each wrapped, or their paragraphs run longer than an excerpt.
/// </summary>
internal sealed class AppendedStoryStage : IExtractionStage
{
    /// <summary>Paragraphs of the article before anything counts as appended to it.</summary>
    private const int MinProse = 2;

    /// <summary>A paragraph this long counts as the article's prose.</summary>
    private const int ProseWords = 12;

    /// <summary>A teaser's headline: a link of a few words.</summary>
    private const int MinTitleWords = 3;

    private const int MaxTitleWords = 20;

    /// <summary>A teaser's excerpt: a sentence or two.</summary>
    private const int MaxExcerptWords = 40;

    private const int MaxExcerptSentences = 2;

    /// <summary>The label over a teaser list: a few words, no sentence.</summary>
    private const int MaxLabelWords = 8;

    public void Run(ExtractionContext context)
    {
        // Linked headlines the link-density rule already took stay in the sequence: they show where the items are.
        var preview = context.Blocks.Where(b => b.IsVisible && (b.Role == BlockRole.Candidate || IsRemovedLink(b))).ToList();
        var next = NextVisible(context.Blocks);
        var headline = context.Blocks.FirstOrDefault(b => b.Role == BlockRole.Headline);
        var headlineArticle = ArticleOf(headline?.Element);
        var headlineLevel = headline is { Type: BlockType.Heading, HeadingLevel: > 0 } ? headline.HeadingLevel : 1;
        var prose = 0;
        for (var i = 0; i < preview.Count; i++)
        {
            var block = preview[i];
            if (prose >= MinProse)
            {
                if (block.Role == BlockRole.Candidate && IsNextStory(block, headlineArticle, headlineLevel))
                {
                    foreach (var rest in preview.Skip(i).Where(b => b.Role == BlockRole.Candidate))
                    {
                        rest.Assign(BlockRole.Boilerplate, "next-story");
                    }

                    return;
                }

                if (TeaserRun(preview, next, i) is { } end)
                {
                    var start = i > 0 && IsLabel(preview[i - 1]) ? i - 1 : i;
                    for (var j = start; j < end; j++)
                    {
                        if (preview[j].Role == BlockRole.Candidate)
                        {
                            preview[j].Assign(BlockRole.Boilerplate, "teaser-list");
                        }
                    }

                    i = end - 1;
                    continue;
                }
            }

            if (block.Role == BlockRole.Candidate && block.Type != BlockType.Heading && block.WordCount >= ProseWords && block.IsProse)
            {
                prose++;
            }
        }
    }

    /// <summary>A heading of the headline's level or above, in another <c>&lt;article&gt;</c> than the headline's.</summary>
    private static bool IsNextStory(Block block, IElement? headlineArticle, int headlineLevel) =>
        block.Type == BlockType.Heading && block.HeadingLevel > 0 && block.HeadingLevel <= headlineLevel
        && headlineArticle is not null && ArticleOf(block.Element) is { } article
        && article != headlineArticle && !article.IsWithin(headlineArticle) && !headlineArticle.IsWithin(article);

    /// <summary>
    /// The end (exclusive) of a teaser list starting at <paramref name="start"/>, or null: two or more items of a linked
    /// headline and at most one excerpt, at least two of them with an excerpt, the list under a label or each item in
    /// a card of its own.
    /// </summary>
    private static int? TeaserRun(List<Block> preview, Dictionary<Block, Block> next, int start)
    {
        var i = start;
        var items = 0;
        var excerpts = 0;
        var cards = true;
        IElement? previousCard = null;
        while (i < preview.Count && IsTitle(preview[i]))
        {
            var title = preview[i];
            var card = title.Element;
            i++;
            // The excerpt is the block right under its headline, with nothing between (a year, a label) on the page.
            if (i < preview.Count && IsExcerpt(preview[i]) && next.GetValueOrDefault(title) == preview[i])
            {
                card = Common(title.Element, preview[i].Element);
                excerpts++;
                i++;
            }

            // A card holds its own item only: the container shared with the item before is the list, not a card.
            cards &= card is not null && previousCard is not null ? !previousCard.IsWithin(card) && !card.IsWithin(previousCard)
                : card is not null;
            previousCard = card;
            items++;
        }

        return items >= 2 && excerpts >= 2 && (cards || (start > 0 && IsLabel(preview[start - 1]))) ? i : null;
    }

    private static bool IsRemovedLink(Block block) => block.Role == BlockRole.Boilerplate && block.Reason == "links";

    /// <summary>A headline: one link, nearly the whole line (a row of buttons is several links).</summary>
    private static bool IsTitle(Block block) =>
        block.LinkDensity >= 0.8 && block.WordCount is >= MinTitleWords and <= MaxTitleWords
        && block.Type is BlockType.Heading or BlockType.Paragraph or BlockType.ListItem
        && block.Element is { } element && (element.LocalName == "a" ? 1 : element.GetElementsByTagName("a").Length) == 1;

    /// <summary>Each visible block's next visible block in page order.</summary>
    private static Dictionary<Block, Block> NextVisible(List<Block> blocks)
    {
        var next = new Dictionary<Block, Block>(ReferenceEqualityComparer.Instance);
        Block? previous = null;
        foreach (var block in blocks)
        {
            if (!block.IsVisible)
            {
                continue;
            }

            if (previous is not null)
            {
                next[previous] = block;
            }

            previous = block;
        }

        return next;
    }

    private static bool IsExcerpt(Block block) =>
        block.Role == BlockRole.Candidate && block.Type is BlockType.Paragraph or BlockType.ListItem && block.LinkDensity < 0.3 && block.WordCount <= MaxExcerptWords
        && Sentences(block.Text) <= MaxExcerptSentences;

    private static bool IsLabel(Block block) =>
        block.Role == BlockRole.Candidate && block.WordCount is > 0 and <= MaxLabelWords && block.LinkDensity < 0.5
        && (block.Type == BlockType.Heading || (block.Type == BlockType.Paragraph && block.Text[^1] is not ('.' or '!' or '?')));

    private static int Sentences(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '。' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                count++;
            }
        }

        return Math.Max(count, 1);
    }

    private static IElement? ArticleOf(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "article")
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The nearest element holding both.</summary>
    private static IElement? Common(IElement? a, IElement? b)
    {
        for (var e = a; e is not null; e = e.ParentElement)
        {
            if (b.IsWithin(e))
            {
                return e;
            }
        }

        return null;
    }
}
