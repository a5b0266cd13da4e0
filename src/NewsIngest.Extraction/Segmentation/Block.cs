using AngleSharp.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// One run of text in reading order: a paragraph, list item, heading or quote, with what the segmenter saw around it.
/// Mutable while the pipeline classifies it; never leaves the extraction core.
/// </summary>
internal sealed class Block
{
    private Paywall.Phrase? _phrase;
    private bool _phraseLooked;
    private string? _normalized;
    private string? _hiddenReason;

    public Block(int index, BlockType type, string text)
    {
        Index = index;
        Type = type;
        Text = text;
        WordCount = TextMetrics.CountWords(text);
    }

    /// <summary>Position in reading order.</summary>
    public int Index { get; }

    public BlockType Type { get; set; }

    /// <summary>Whitespace-collapsed visible text.</summary>
    public string Text { get; }

    public int WordCount { get; }

    /// <summary>
    /// <see cref="Text"/> folded by <see cref="Dedup.TextNormalizer"/>, computed on first use and kept: stages that
    /// compare blocks by normalized text (lexicon, dedup, headline, record hash) should read this, not normalize again.
    /// </summary>
    public string Normalized => _normalized ??= Dedup.TextNormalizer.Normalize(Text);

    /// <summary>The nearest block-level element that holds the text (null for text input).</summary>
    public IElement? Element { get; init; }

    /// <summary>Characters of <see cref="Text"/> inside links.</summary>
    public int LinkChars { get; init; }

    /// <summary>The heading level 1–6 for h1–h6 elements, else 0.</summary>
    public int HeadingLevel { get; init; }

    /// <summary>Why the block is invisible to an anonymous reader, or null when visible.</summary>
    public string? HiddenReason { get => _hiddenReason; init => _hiddenReason = value; }

    /// <summary>The outermost element that hides the block (the one <see cref="HiddenReason"/> names), or null.</summary>
    public IElement? HiddenElement { get; init; }

    /// <summary>True when a second element inside <see cref="HiddenElement"/> hides the block too.</summary>
    public bool HiddenAgain { get; init; }

    /// <summary>The boilerplate container the block sits in (e.g. <c>nav</c>, <c>.cookie-banner</c>), or null.</summary>
    public string? ChromeReason { get; init; }

    /// <summary>The wall or gate container the block sits in (e.g. <c>.paywall-modal</c>), or null.</summary>
    public string? WallContainer { get; init; }

    /// <summary>The element that makes <see cref="WallContainer"/>, or null.</summary>
    public IElement? WallElement { get; init; }

    /// <summary>True when the block sits inside a form, button or interactive control.</summary>
    public bool InInteractive { get; init; }

    /// <summary>True when the block sits inside structured data's gated part (<c>hasPart.cssSelector</c>).</summary>
    public bool InGatedPart { get; set; }

    public BlockRole Role { get; set; } = BlockRole.Candidate;

    /// <summary>Why the role was given, for audits and tests.</summary>
    public string? Reason { get; set; }

    /// <summary>The lexicon phrase this block carries, if any; looked up once.</summary>
    public Paywall.Phrase? Phrase
    {
        get
        {
            if (!_phraseLooked)
            {
                _phrase = Text.Length > Paywall.Lexicon.MaxPhraseBlockChars ? null : Paywall.Lexicon.MatchNormalized(Normalized);
                _phraseLooked = true;
            }

            return _phrase;
        }
    }

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    /// <summary>Running text rather than a label, heading or link list: 80 characters or more, under 30% links.</summary>
    public bool IsProse => Type != BlockType.Heading && Text.Length >= 80 && LinkDensity < 0.3;

    public bool IsVisible => HiddenReason is null;

    /// <summary>Makes the block visible: the rule that hid it was shown not to hold for this page.</summary>
    public void Reveal() => _hiddenReason = null;

    public void Assign(BlockRole role, string reason)
    {
        Role = role;
        Reason = reason;
    }

    public override string ToString() => $"#{Index} {Role} {Type}: {(Text.Length > 60 ? Text[..60] + "…" : Text)}";
}
