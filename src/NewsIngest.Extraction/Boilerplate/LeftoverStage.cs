using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The last sweep over the preview: drops what survived the body locator but is not article text.
/// <list type="bullet">
/// <item>Anywhere: photo credits, and captions boxed with an image (<see cref="ImageCaption"/>); "Read also: …"
/// lines; page furniture (consent boxes of embeds, newsletter sign-ups, a publisher's appeals and promotions,
/// disclosures and disclaimers, download links, page tools, time stamps, widget status, PHP warnings, markup shown as
/// text); headings that are links or name an aside; labels whose list was removed ("Kontakt:"); headings that head
/// nothing.</item>
/// <item>After the article's last paragraph of prose: end matter (author boxes, newsletter, support, social and app
/// calls, contact and filing lines, post metadata, copyright and licence notices).</item>
/// </list>
/// Each rule is short-text only, so a paragraph of the story that mentions a newsletter or a photo stays. The
/// vocabulary is in <see cref="LeftoverPatterns"/>; the patterns that search the whole block run through
/// <see cref="LeftoverAnchors"/>, only on blocks that hold one of their words.
/// </summary>
internal sealed class LeftoverStage : IExtractionStage
{
    /// <summary>A paragraph of this many words or more is article prose; the article's end is the last one.</summary>
    private const int ProseWords = 20;

    /// <summary>Credits and captions are short; a longer block that mentions a photo is text about the photo.</summary>
    private const int MaxCreditWords = 25;

    private const int MaxShareWords = 12;

    /// <summary>Calls, appeals, disclaimers and notices are a sentence or two; longer text is the story's own.</summary>
    private const int MaxEndMatterWords = 40;

    /// <summary>Disclaimers, sign-up and consent boxes run to two or three sentences.</summary>
    private const int MaxNoticeWords = 50;

    /// <summary>A widget's status line ("13 Besucher sind online (8 im Bereich News)") is one line.</summary>
    private const int MaxStatusWords = 15;

    /// <summary>An opening paragraph this long beside the lead image is the lead, not a caption.</summary>
    private const int MinLeadWords = 12;

    /// <summary>Headings that name an aside, page tools and date lines are a few words.</summary>
    private const int MaxMarkerWords = 8;

    /// <summary>A date line of a publication and an update time runs to two dates.</summary>
    private const int MaxDateLineWords = 16;

    /// <summary>An author box after the article runs to a short paragraph.</summary>
    private const int MaxBioWords = 80;

    /// <summary>App calls, contact and metadata lines are one line.</summary>
    private const int MaxEndLineWords = 30;

    public void Run(ExtractionContext context)
    {
        var preview = context.Blocks.Where(b => b.Role == BlockRole.Candidate).ToList();
        if (preview.Count == 0)
        {
            return;
        }

        var verdicts = new string?[preview.Count];
        for (var i = 0; i < preview.Count; i++)
        {
            context.Checkpoint();
            verdicts[i] = Verdict(preview[i], opensPreview: i == 0);
        }

        // The article ends with its last paragraph of prose that no rule removes; a long appeal or notice after it is
        // end matter, not the end. Walking back to that paragraph reads the end matter of every block after it, once.
        var endMatter = new string?[preview.Count];
        var lastProse = preview.Count - 1;
        for (; lastProse >= 0; lastProse--)
        {
            context.Checkpoint();
            var block = preview[lastProse];
            endMatter[lastProse] = block.Type == BlockType.Heading ? null : EndMatter(block);
            if (block.Type is BlockType.Paragraph or BlockType.Quote && block.WordCount >= ProseWords
                && endMatter[lastProse] is null && verdicts[lastProse] is null)
            {
                break;
            }
        }

        for (var i = 0; i < preview.Count; i++)
        {
            var block = preview[i];
            if ((verdicts[i] ?? (i > lastProse ? endMatter[i] : null)) is { } reason)
            {
                block.Assign(BlockRole.Boilerplate, reason);
            }
        }

        // A label is judged against what stays after it: "Kontakt:" over contact lines just removed introduces nothing.
        Block? kept = null;
        for (var i = preview.Count - 1; i >= 0; i--)
        {
            var block = preview[i];
            if (block.Role != BlockRole.Candidate)
            {
                continue;
            }

            if (IsDanglingLabel(block, kept))
            {
                block.Assign(BlockRole.Boilerplate, "dangling-label");
                continue;
            }

            kept = block;
        }

        DropOrphanHeadings(preview);
    }

    /// <summary>The rules that hold anywhere in the preview.</summary>
    private static string? Verdict(Block block, bool opensPreview)
    {
        if (block.Type == BlockType.Heading)
        {
            return block.LinkDensity >= 0.5 ? "linked-heading"
                : block.WordCount <= MaxMarkerWords && ArticleTailStage.IsMarker(block) ? "aside-heading"
                : block.WordCount < MaxNoticeWords && LeftoverAnchors.IssuePromotion.IsMatch(block.Normalized)
                    ? "issue-promotion"
                : null;
        }

        var text = block.Text;
        var folded = block.Normalized;
        var words = block.WordCount;
        return words < MaxCreditWords && LeftoverAnchors.Credit.IsMatch(text) ? "credit"
            : words < MaxEndMatterWords && block.LinkDensity >= 0.3 && ArticleTailStage.OpensWithMarker(folded)
                ? "inline-teaser"
            : words < MaxCreditWords && LeftoverAnchors.Disclosure.IsMatch(text) ? "disclosure"
            : words < MaxNoticeWords && LeftoverAnchors.Disclaimer.IsMatch(folded) ? "disclaimer"
            : words < MaxShareWords && LeftoverAnchors.ShareCall.IsMatch(text) ? "share-call"
            : words < MaxNoticeWords && LeftoverAnchors.NewsletterSignUp.IsMatch(folded) ? "newsletter-call"
            : words < MaxNoticeWords && LeftoverAnchors.ConsentPrompt.IsMatch(folded) ? "consent-prompt"
            : words < MaxBioWords && LeftoverAnchors.PublisherAppeal.IsMatch(folded) ? "support-call"
            : words < MaxShareWords * 2 && LeftoverAnchors.AppPromotion.IsMatch(text) ? "app-call"
            : words < MaxShareWords * 2 && LeftoverAnchors.ChannelPlug.IsMatch(text) ? "social-call"
            : words < MaxCreditWords && LeftoverAnchors.MembershipPitch.IsMatch(text) ? "support-call"
            : words < MaxNoticeWords && LeftoverAnchors.IssuePromotion.IsMatch(folded) ? "issue-promotion"
            : words <= MaxStatusWords && LeftoverPatterns.WidgetStatus().IsMatch(text) ? "widget-status"
            : words < MaxCreditWords && LeftoverAnchors.DownloadLink.IsMatch(text) ? "download-link"
            : words <= MaxMarkerWords && LeftoverPatterns.PageTool().IsMatch(text) ? "page-tool"
            : words <= MaxMarkerWords && LeftoverPatterns.DateLine().IsMatch(text) ? "date-line"
            : IsTimeStamp(block) ? "date-line"
            : LeftoverPatterns.ScriptError().IsMatch(text) ? "script-error"
            : IsMarkup(text) ? "markup-text"
            : IsCaption(block, opensPreview) ? "caption"
            : null;
    }

    /// <summary>
    /// A short paragraph boxed with an image. The preview's opening paragraph often shares the lead image's box as a
    /// teaser; from <see cref="MinLeadWords"/> words on it is the article's lead, not the picture's caption.
    /// </summary>
    private static bool IsCaption(Block block, bool opensPreview) =>
        block.Type == BlockType.Paragraph && block.WordCount < MaxCreditWords
        && !(opensPreview && block.WordCount >= MinLeadWords) && ImageCaption.Holds(block);

    /// <summary>
    /// A line of a date and a clock time and little else: "24. März 2004, 19:49 | Genesis"; up to
    /// <see cref="MaxDateLineWords"/> words when at least half of them are numbers ("Published 12 March 2026, 10:32 ·
    /// Updated 12 March 2026, 14:05"), or 40% in a line that ends no sentence ("Publié le 12 mars 2026 à 10h32, modifié
    /// le …"); a sentence of the story with a date and a time in it has fewer numbers, or ends as a sentence.
    /// </summary>
    private static bool IsTimeStamp(Block block) =>
        block.Type == BlockType.Paragraph && block.WordCount <= MaxDateLineWords
        && LeftoverPatterns.ClockTime().IsMatch(block.Text) && LeftoverPatterns.Year().IsMatch(block.Text)
        && (block.WordCount <= MaxMarkerWords || NumberShare(block.Text) is var share && (share >= 0.5 || (share >= 0.4 && block.Text[^1] is not ('.' or '!' or '?'))));

    /// <summary>The share of a line's words that hold a digit.</summary>
    private static double NumberShare(string text)
    {
        int words = 0, numbers = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            words++;
            numbers += word.Any(char.IsAsciiDigit) ? 1 : 0;
        }

        return words == 0 ? 0 : (double)numbers / words;
    }

    /// <summary>Page source shown as text: three tags or more making up at least 40% of the block.</summary>
    private static bool IsMarkup(string text)
    {
        if (text.Length < 20 || !text.Contains('<'))
        {
            return false;
        }

        var count = 0;
        var chars = 0;
        foreach (var match in LeftoverPatterns.MarkupTag().EnumerateMatches(text))
        {
            count++;
            chars += match.Length;
        }

        return count >= 3 && chars * 5 >= text.Length * 2;
    }

    /// <summary>
    /// Lines after the article's last paragraph that talk about the page, not the story: newsletter, app and social
    /// calls, contact lines, post metadata, copyright and licence notices.
    /// </summary>
    private static string? EndMatter(Block block)
    {
        if (block.WordCount < MaxBioWords && LeftoverPatterns.AuthorBio().IsMatch(block.Text))
        {
            return "author-bio";
        }

        if (block.WordCount < MaxBioWords && LeftoverPatterns.FilingLine().IsMatch(block.Text))
        {
            return "post-meta";
        }

        // A longer paragraph that mentions subscribers or Twitter is the story talking about them.
        if (block.WordCount >= MaxEndMatterWords)
        {
            return null;
        }

        var text = block.Text;
        if (LeftoverAnchors.NewsletterCall.IsMatch(text))
        {
            return "newsletter-call";
        }

        if (LeftoverAnchors.SupportCall.IsMatch(text))
        {
            return "support-call";
        }

        if (SocialCall(text))
        {
            return "social-call";
        }

        if (block.WordCount < MaxEndLineWords)
        {
            if (LeftoverAnchors.AppCall.IsMatch(text))
            {
                return "app-call";
            }

            if (LeftoverAnchors.Contact.IsMatch(text))
            {
                return "contact";
            }

            if (LeftoverPatterns.PostMeta().IsMatch(text))
            {
                return "post-meta";
            }
        }

        return LeftoverAnchors.Rights.IsMatch(text) ? "rights" : null;
    }

    /// <summary>"Follow us on Twitter", or a line that names two networks or more.</summary>
    private static bool SocialCall(string text)
    {
        if (!LeftoverAnchors.SocialNetwork.MayMatch(text))
        {
            return false;
        }

        string? first = null;
        foreach (var match in LeftoverPatterns.SocialNetwork().EnumerateMatches(text))
        {
            var name = text.AsSpan(match.Index, match.Length);
            if (first is not null && !name.Equals(first, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            first ??= name.ToString();
        }

        return first is not null && LeftoverPatterns.FollowVerb().IsMatch(text);
    }

    /// <summary>
    /// "Weitere Informationen:", "Kontakt:": a short line ending in a colon whose list was removed (the next block of
    /// the page is not in the preview) introduces nothing the reader gets.
    /// </summary>
    private static bool IsDanglingLabel(Block block, Block? next) =>
        block.WordCount < 6 && block.Text.EndsWith(':') && (next is null || next.Index > block.Index + 1);

    /// <summary>A heading followed by another heading or by nothing heads no text of the preview.</summary>
    private static void DropOrphanHeadings(List<Block> preview)
    {
        Block? next = null;
        for (var i = preview.Count - 1; i >= 0; i--)
        {
            var block = preview[i];
            if (block.Role != BlockRole.Candidate)
            {
                continue;
            }

            if (block.Type == BlockType.Heading && (next is null || next.Type == BlockType.Heading))
            {
                block.Assign(BlockRole.Boilerplate, "orphan-heading");
                continue;
            }

            next = block;
        }
    }
}
