using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// What a container whose class or id names a wall (<c>paywall</c>, <c>tp-…</c>, a vendor's name) holds and what
/// follows it, measured once per container. Publishers put such names on subheadings, pull quotes, wrappers of a few
/// paragraphs, empty marketing slots and inline spans of free articles, so the name alone decides nothing: the
/// container is the wall's prompt only when it reads as one.
/// </summary>
/// <param name="Words">Visible words in the container.</param>
/// <param name="ProseBlocks">Blocks in the container that read as article prose (<see cref="Block.IsProse"/>).</param>
/// <param name="Interactive">The container holds a button, a form control or a link-dominated block: a call to act.</param>
/// <param name="ProseAfter">Words of article prose visible after the container: the article going on past it.</param>
internal readonly record struct WallContainerFeatures(int Words, int ProseBlocks, bool Interactive, int ProseAfter)
{
    /// <summary>Prose words after the container that show the article did not stop there.</summary>
    public const int ContinuesAt = 40;

    /// <summary>
    /// A prompt: no run of article prose of its own (two prose blocks are paragraphs of the article, visible), and
    /// either a call to act or the end of the visible article.
    /// </summary>
    public bool IsPrompt => ProseBlocks < 2 && (Interactive || ProseAfter < ContinuesAt);

    public static WallContainerFeatures Measure(List<Block> blocks, int first, IElement container)
    {
        var words = 0;
        var prose = 0;
        var interactive = container.QuerySelector("button, input, select, form, iframe") is not null;
        var i = first;
        for (; i < blocks.Count && blocks[i].Element.IsWithin(container); i++)
        {
            var block = blocks[i];
            if (!block.IsVisible)
            {
                continue;
            }

            words += block.WordCount;
            prose += block.IsProse && block.Phrase is null ? 1 : 0;
            interactive |= block.InInteractive || block.LinkDensity >= 0.6;
        }

        var after = 0;
        for (; i < blocks.Count && after < ContinuesAt; i++)
        {
            var block = blocks[i];
            if (block.IsVisible && block.Role == BlockRole.Candidate && block.IsProse && block.Phrase is null
                && block.WallContainer is null)
            {
                after += block.WordCount;
            }
        }

        return new WallContainerFeatures(words, prose, interactive, after);
    }
}
