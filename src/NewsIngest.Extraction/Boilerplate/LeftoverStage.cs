using System.Text.RegularExpressions;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The last sweep over the preview: drops what survived the body locator but is not article text. Anywhere: photo
/// credits and captions ("Foto: dpa", "© Getty Images"), "Read also: …" lines linking another story, affiliate
/// disclosures and disclaimers, short share calls, headings that are links, labels whose list was removed
/// ("Kontakt:"), and headings that head nothing (a "Related" heading whose list was removed, teaser titles in a row).
/// After the article's last paragraph of prose: end matter (author boxes, newsletter, support, social and app calls,
/// contact lines, post metadata, copyright and licence notices). Each rule is short-text only, so a paragraph of the story that
/// mentions a newsletter or a photo stays.
/// </summary>
internal sealed partial class LeftoverStage : IExtractionStage
{
    /// <summary>A paragraph of this many words or more is article prose; the article's end is the last one.</summary>
    private const int ProseWords = 20;

    /// <summary>Credits and captions are short; a longer block that mentions a photo is text about the photo.</summary>
    private const int MaxCreditWords = 25;

    private const int MaxShareWords = 12;

    /// <summary>Calls, appeals, disclaimers and notices are a sentence or two; longer text is the story's own.</summary>
    private const int MaxEndMatterWords = 40;

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

        // The article ends with its last paragraph of prose; a long appeal or notice after it is end matter, not the end.
        // Walking back to that paragraph reads the end matter of every block after it, once.
        var endMatter = new string?[preview.Count];
        var lastProse = preview.Count - 1;
        for (; lastProse >= 0; lastProse--)
        {
            var block = preview[lastProse];
            endMatter[lastProse] = block.Type == BlockType.Heading ? null : EndMatter(block);
            if (block.Type is BlockType.Paragraph or BlockType.Quote && block.WordCount >= ProseWords && endMatter[lastProse] is null)
            {
                break;
            }
        }

        for (var i = 0; i < preview.Count; i++)
        {
            var block = preview[i];
            if ((Verdict(block) ?? (i > lastProse ? endMatter[i] : null)) is { } reason)
            {
                block.Assign(BlockRole.Boilerplate, reason);
            }
            else if (IsDanglingLabel(block, i + 1 < preview.Count ? preview[i + 1] : null))
            {
                block.Assign(BlockRole.Boilerplate, "dangling-label");
            }
        }

        DropOrphanHeadings(preview);
    }

    /// <summary>The rules that hold anywhere in the preview.</summary>
    private static string? Verdict(Block block)
    {
        if (block.Type == BlockType.Heading)
        {
            return block.LinkDensity >= 0.5 ? "linked-heading" : null;
        }

        if (block.WordCount < MaxCreditWords && Credit().IsMatch(block.Text))
        {
            return "credit";
        }

        if (block.WordCount < MaxEndMatterWords && block.LinkDensity >= 0.3
            && ArticleTailStage.OpensWithMarker(block.Normalized))
        {
            return "inline-teaser";
        }

        if (block.WordCount < MaxCreditWords && Disclosure().IsMatch(block.Text))
        {
            return "disclosure";
        }

        if (block.WordCount < MaxEndMatterWords && Disclaimer().IsMatch(block.Text))
        {
            return "disclaimer";
        }

        if (block.WordCount < MaxShareWords && ShareCall().IsMatch(block.Text))
        {
            return "share-call";
        }

        return null;
    }

    /// <summary>
    /// Lines after the article's last paragraph that talk about the page, not the story: newsletter, app and social
    /// calls, contact lines, post metadata, copyright and licence notices.
    /// </summary>
    private static string? EndMatter(Block block)
    {
        if (block.WordCount < MaxBioWords && AuthorBio().IsMatch(block.Text))
        {
            return "author-bio";
        }

        // A longer paragraph that mentions subscribers or Twitter is the story talking about them.
        if (block.WordCount >= MaxEndMatterWords)
        {
            return null;
        }

        var text = block.Text;
        if (NewsletterCall().IsMatch(text))
        {
            return "newsletter-call";
        }

        if (SupportCall().IsMatch(text))
        {
            return "support-call";
        }

        if (SocialCall(text))
        {
            return "social-call";
        }

        if (block.WordCount < MaxEndLineWords)
        {
            if (AppCall().IsMatch(text))
            {
                return "app-call";
            }

            if (Contact().IsMatch(text))
            {
                return "contact";
            }

            if (PostMeta().IsMatch(text))
            {
                return "post-meta";
            }
        }

        return Rights().IsMatch(text) ? "rights" : null;
    }

    /// <summary>"Follow us on Twitter", or a line that names two networks or more.</summary>
    private static bool SocialCall(string text)
    {
        string? first = null;
        foreach (var match in SocialNetwork().EnumerateMatches(text))
        {
            var name = text.AsSpan(match.Index, match.Length);
            if (first is not null && !name.Equals(first, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            first ??= name.ToString();
        }

        return first is not null && FollowVerb().IsMatch(text);
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

    [GeneratedRegex(
        @"©|\((?:foto|photo|bild|credit|quelle|source|image|fuente|crédit)s?\s*:|^(?:foto|photo|bild|credit|crédit|quelle|source|fuente|image|abbildung|titelbild|beitragsbild|fotos|photos|bildquelle|fotoquelle)(?:\s*\d+)?\s*:|(?:getty images|istock(?:\.com)?|shutterstock|imago images|picture[- ]alliance|/\s*dpa|/\s*afp|/\s*reuters)\s*\)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\b(?:teilen|share|partager|compartir|condividi|compartilhe)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareCall();

    [GeneratedRegex(@"newsletter|\babonn|\bsubscri|\bsuscr[ií]b|\binscr[ií]|\biscriv|\bsign up\b|\banmelden\b|\benter your e-?mail|\byour inbox\b|\bposteingang\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewsletterCall();

    [GeneratedRegex(@"twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|tiktok|pinterest|mastodon", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialNetwork();

    [GeneratedRegex(@"\b(?:follow|síguenos|siguenos|sígannos|folgen sie|folge uns|folgt uns|suivez|seguici|siga|segue|join us|únete|abonnez)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowVerb();

    [GeneratedRegex(@"\b(?:app store|google play|ios|android)\b|\bapps?\b.*\b(?:download|herunterladen|descarga|télécharg)|\b(?:download|herunterladen|descarga|télécharg)\w*\b.*\bapps?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppCall();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\[at\]|\b(?:telefon|tel\.|phone|fax|e-mail)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    [GeneratedRegex(@"^(?:erstellt am|veröffentlicht|publiziert|published|posted|der beitrag wurde am|dieser beitrag wurde|news date|category|kategorie|kategorien|tags|schlagworte|schlagwörter|stichworte|von|by|filed under|abgelegt unter)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostMeta();

    [GeneratedRegex(@"copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|derechos reservados|diritti riservati|prawem autorskim|\blizenz\b|\blicen[cs]e\b|suggested citation|zitiervorschlag", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rights();

    /// <summary>Affiliate and advertising disclosures ("We may earn a commission", "*Werbung", "Anzeige").</summary>
    [GeneratedRegex(@"\baffiliate|\bprovision\b|\bcommission\b|\bcompensation\b|\bsponsored\b|\badvertis(?:er|ing|ement)s?\b|enthält werbung|^\*?werbung\b|^anzeige\b|\bcomisión\b|\bafiliad|\blien(?:s)? affili|\bpartnerlinks?\b|\bwerbelinks?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclosure();

    /// <summary>"X does not offer medical advice", "Disclaimer: …", "keine Rechtsberatung".</summary>
    [GeneratedRegex(@"\bdisclaimer\b|\b(?:does|do) not (?:offer|provide|constitute) (?:medical|legal|financial|investment) advice|\bkeine (?:rechts|anlage|steuer)beratung", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();

    /// <summary>Appeals for donations, support or membership ("would you consider supporting our work?").</summary>
    [GeneratedRegex(@"\bsupport(?:ing)? (?:our|us|independent)\b|\bdonate (?:now|today|here)\b|\bmake a donation\b|\bbecome a (?:member|supporter)|\bunterstütze|\bunterstützen sie\b|\bjetzt spenden|\bspenden sie\b|\bhazte (?:miembro|socio)|\bapoya (?:nuestro|el periodismo)|\bfaire un don\b|\bsoutenez\b|\bwesprzyj\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportCall();

    /// <summary>An author box: "Jane Doe is a senior editor at …", "Hallo, ich bin Foodbloggerin …", "Senior Editor with …".</summary>
    [GeneratedRegex(@"^(?:hallo|hi|hello),? (?:ich bin|i am|i'm)\b|^\p{Lu}\S+(?: \p{Lu}\S+){0,2},? (?:ist|is|war|was|est|è)\b[^.]{0,80}\b(?:autor|author|journalist|redakteur|editor|writer|founder|gründer|professor|reporter|korrespondent|correspondent|blogger|fotograf|photographer|consultant|head of|chefredakteur|rédact|periodista|giornalista)|^(?:senior |chief |managing )?(?:editor|writer|reporter|journalist)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBio();
}
