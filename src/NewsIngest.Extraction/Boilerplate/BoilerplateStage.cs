using System.Text.RegularExpressions;
using NewsIngest.Extraction.Paywall;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Block-level rules that need no page context: hidden text, chrome containers, interface labels, counters and
/// datelines (kept as data), bylines, cookie/newsletter/marketing text, short form text, link lists.
/// </summary>
internal sealed partial class BoilerplateStage : IExtractionStage
{
    public void Run(ExtractionContext context)
    {
        Block? previous = null;
        foreach (var block in context.Blocks)
        {
            context.Checkpoint();
            if (block.Role == BlockRole.Candidate)
            {
                Classify(block, previous, context);
            }

            previous = block;
        }
    }

    private static void Classify(Block block, Block? previous, ExtractionContext context)
    {
        var text = block.Text;
        var marks = block.IsVisible ? UiText.MarksOf(block) : default;
        if (block.IsVisible && UiText.InlineWordCounter(block, marks) is { } inline)
        {
            context.DeclaredWords ??= inline;
        }

        if (!block.IsVisible)
        {
            block.Assign(BlockRole.Hidden, block.HiddenReason!);
        }
        else if (block.ChromeReason is { } chrome)
        {
            block.Assign(BlockRole.Boilerplate, "chrome:" + chrome);
        }
        else if (UiText.IsLabel(block))
        {
            block.Assign(BlockRole.Boilerplate, "ui-label");
        }
        else if (UiText.WordCounter(text, marks) is { } words)
        {
            context.DeclaredWords ??= words;
            block.Assign(BlockRole.Data, "word-counter");
        }
        else if (UiText.IsMetaLine(text, marks))
        {
            block.Assign(BlockRole.Data, "meta-line");
        }
        else if (UiText.Byline(text) is { } names)
        {
            if (context.Facts.Authors.Count == 0)
            {
                context.Facts.Authors.AddRange(names);
            }

            block.Assign(BlockRole.Data, "byline");
        }
        else if (block.Phrase is { } phrase && !Lexicon.IsWallEvidence(phrase.Kind))
        {
            block.Assign(BlockRole.Boilerplate, phrase.Kind.ToString().ToLowerInvariant());
        }
        else if (IsWhyBrand(text))
        {
            block.Assign(BlockRole.Boilerplate, "marketing");
        }
        else if (previous is { Role: BlockRole.Boilerplate, Reason: "marketing" } && text.Length > 0 && char.IsLower(text[0]))
        {
            // "MNI is the leading provider" / "of intelligence and analysis on...": a sentence broken over blocks.
            block.Assign(BlockRole.Boilerplate, "marketing");
        }
        else if (block.InInteractive && block.WordCount < 25)
        {
            block.Assign(BlockRole.Boilerplate, "form");
        }
        else if (block.Type != BlockType.Heading && ((block.LinkDensity > 0.5 && block.WordCount < 15) || block.LinkDensity > 0.8)
            && !LinkedSentence.Holds(block))
        {
            block.Assign(BlockRole.Boilerplate, "links");
        }
    }

    /// <summary>"Why MNI": a pitch heading naming a brand in capitals, not an article's "Why it matters".</summary>
    private static bool IsWhyBrand(string text) => text.Length <= 30 && WhyBrand().IsMatch(text);

    [GeneratedRegex(@"^Why (?:[A-Z][A-Z0-9&.\-]{1,15})(?: [A-Z][A-Z0-9&.\-]{1,15})?\??$", RegexOptions.None, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex WhyBrand();
}
