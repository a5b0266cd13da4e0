using AngleSharp.Dom;
using NewsIngest.Extraction.Pipeline;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Ends the article where the page says it ends. After some article text, a short heading or line that names the
/// page's end matter ("Comments", "Tags", "Über den Autor") ends the preview: nothing from there on is article text.
/// One that names an aside ("Related articles", "Lesen Sie auch", "À lire aussi") drops the aside's links and
/// teasers, and the article resumes at its next paragraph of prose, since such boxes often sit inside the body.
/// </summary>
internal sealed class ArticleTailStage : IExtractionStage
{
    private static readonly string[] Markers =
    [
        "related articles", "related stories", "related posts", "related content", "related", "more from", "more stories",
        "more on this", "read also", "also read", "you may also like", "you might also like", "recommended",
        "recommended for you", "read next",
        "comments", "leave a comment", "leave a reply", "join the conversation", "about the author", "share this article",
        "share this", "tags", "popular posts", "most read", "trending now",
        "kommentare", "kommentar schreiben", "kommentare schreiben", "das könnte dich auch interessieren",
        "das könnte sie auch interessieren", "auch interessant", "lesen sie auch", "mehr zum thema", "weitere artikel",
        "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "über den autor", "schlagwörter", "themen",
        "artikel teilen", "diesen artikel teilen", "das könnte ihnen auch gefallen", "weitere beiträge", "meistgelesen",
        "articles similaires", "à lire aussi", "a lire aussi", "sur le même sujet", "commentaires", "lire aussi",
        "te puede interesar", "noticias relacionadas", "comentarios", "también te puede interesar", "lee también",
        "potrebbe interessarti", "leggi anche", "articoli correlati", "commenti", "veja também", "leia também",
        "comentários", "notícias relacionadas", "関連記事", "コメント", "vous aimerez aussi", "le puede interesar",
        "vorschau auf den nächsten artikel", "dieser artikel gefällt ihnen", "mehr zum thema", "read more",
        "more like this", "see also", "siehe auch", "voir aussi", "ver también", "vedi anche",
        "notas relacionadas", "empfohlene beiträge", "empfohlene artikel", "top themen der redaktion", "weitere themen",
        "mehr themen", "entdecke weitere", "schon gelesen", "audios et vidéos sur le sujet", "dans la même rubrique",
        "aktuelle berichte aus dieser kategorie", "más sobre", "quellenangaben", "originalpublikation", "gefällt mir",
        "was denkst du", "markiert mit", "getaggt mit", "teilnehmende blogs", "das thema könnte dich auch interessieren",
        "zum weiterlesen", "dowiedz się więcej", "czytaj także", "czytaj też", "zobacz także", "mehr dazu",
    ];

    /// <summary>Markers after which nothing is article text again: comments, author boxes, tags, share bars.</summary>
    private static readonly string[] EndMarkers =
    [
        "comments", "leave a comment", "leave a reply", "join the conversation", "about the author", "share this article",
        "share this", "tags", "kommentare", "kommentar schreiben", "kommentare schreiben", "über den autor", "schlagwörter",
        "artikel teilen", "diesen artikel teilen", "commentaires", "comentarios", "commenti", "comentários", "コメント",
        "gefällt mir", "was denkst du", "markiert mit", "getaggt mit",
    ];

    private static readonly HashSet<string> MarkerSet = new(Markers, StringComparer.Ordinal);

    private static readonly HashSet<string> EndMarkerSet = new(EndMarkers, StringComparer.Ordinal);

    public void Run(ExtractionContext context)
    {
        var prose = 0;
        var inTail = false;
        var cutsAll = false;
        IElement? lastProse = null, previousProse = null;
        IElement? body = null;
        foreach (var block in context.Blocks)
        {
            var isLabel = block.Role == BlockRole.Boilerplate && block.Reason == "ui-label";
            if (block.Role != BlockRole.Candidate && !isLabel)
            {
                continue;
            }

            if (prose >= 2 && block.WordCount <= 6 && MarkerKind(block) is { } kind)
            {
                // The body as the article's prose before the marker shows it: the container its last two paragraphs share.
                body ??= inTail ? null : CommonContainer(lastProse, previousProse);
                inTail = true;
                cutsAll |= kind == TailKind.End;
            }
            else if (inTail && !cutsAll && ResumesArticle(block, body))
            {
                // A "Lesen Sie auch" box inside the article: its links end, the article's own prose goes on.
                inTail = false;
            }

            if (isLabel)
            {
                // "Comments" was already taken for a button label; as a heading after the article it still ends it.
                continue;
            }

            if (inTail)
            {
                block.Assign(BlockRole.Boilerplate, "article-tail");
            }
            else if (block.WordCount >= 12)
            {
                prose++;
                if (block.Element is { } element && block.IsProse)
                {
                    (previousProse, lastProse) = (lastProse, element);
                }

                body = null;
            }
        }

        DropStrayShortLines(context.Blocks);
    }

    /// <summary>
    /// After an aside's marker the article resumes at a paragraph of plain prose (under 10% links), or, inside the
    /// body container the article's prose before the marker shares (a "Lesen Sie auch" box set in the body), at a
    /// paragraph with links of its own (under 30%), as body paragraphs often have.
    /// </summary>
    private static bool ResumesArticle(Block block, IElement? body) =>
        block.Type == BlockType.Paragraph && block.WordCount >= 20
        && (block.LinkDensity < 0.1
            || (block.LinkDensity < 0.3 && body is not null && block.Element is { } element && body.Contains(element)));

    /// <summary>The nearest element holding both paragraphs; the parent of the one when there is one.</summary>
    private static IElement? CommonContainer(IElement? last, IElement? previous)
    {
        if (last is null)
        {
            return null;
        }

        if (previous is null)
        {
            return last.ParentElement;
        }

        var ancestors = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        for (var e = previous.ParentElement; e is not null; e = e.ParentElement)
        {
            ancestors.Add(e);
        }

        for (var e = last.ParentElement; e is not null; e = e.ParentElement)
        {
            if (ancestors.Contains(e))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// Short lines inside the body that are neither headings nor list items nor sentences ("PDF", "KANGA PROJECT",
    /// "Quellen ausblenden") are labels and credits, not article text; table rows, code and "Label: value" lines
    /// (<see cref="StructuredLine"/>) are the article's structure.
    /// </summary>
    private static void DropStrayShortLines(List<Block> blocks)
    {
        var lastProse = blocks.FindLastIndex(b => b.Role == BlockRole.Candidate && b.IsProse);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Role == BlockRole.Candidate && block.Type == BlockType.Paragraph && block.WordCount < 5
                && !EndsSentence(block.Text) && !StructuredLine.Holds(block, beforeLastProse: i < lastProse))
            {
                block.Assign(BlockRole.Boilerplate, "stray-label");
            }
        }
    }

    private static bool EndsSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '…' or ':' or ')' or '。' or '！' or '？';

    /// <summary>True when the text names an aside or the page's end matter ("Related articles", "Comments").</summary>
    internal static bool IsMarker(Block block) => MarkerKind(block) is not null;

    private static TailKind? MarkerKind(Block block)
    {
        var normalized = WithoutCount(block.Normalized.TrimEnd(':', '.', '!', '?', ' ', '»', '›'));
        if (EndMarkerSet.Contains(normalized))
        {
            return TailKind.End;
        }

        if (MarkerSet.Contains(normalized))
        {
            return TailKind.Aside;
        }

        // "LE PUEDE INTERESAR: ...", "Mehr zum Thema auf Example.de": a marker that opens the line.
        foreach (var marker in Markers)
        {
            if (marker.Length >= 10 && normalized.StartsWith(marker, StringComparison.Ordinal)
                && (normalized.Length == marker.Length || normalized[marker.Length] is ' ' or ':'))
            {
                return EndMarkerSet.Contains(marker) ? TailKind.End : TailKind.Aside;
            }
        }

        return null;
    }

    /// <summary>A marker with its count, "3 comments", "Kommentare (12)": the marker.</summary>
    private static string WithoutCount(string normalized)
    {
        var start = 0;
        while (start < normalized.Length && char.IsAsciiDigit(normalized[start]))
        {
            start++;
        }

        if (start > 0 && start < normalized.Length && normalized[start] == ' ')
        {
            return normalized[(start + 1)..];
        }

        var end = normalized.Length;
        if (end > 0 && normalized[end - 1] == ')')
        {
            end--;
        }

        var digits = end;
        while (digits > 0 && char.IsAsciiDigit(normalized[digits - 1]))
        {
            digits--;
        }

        if (digits < end && digits > 1 && (end == normalized.Length || normalized[digits - 1] == '('))
        {
            var cut = end == normalized.Length ? digits : digits - 1;
            return normalized[..cut].TrimEnd();
        }

        return normalized;
    }

    /// <summary>
    /// True when the text opens with a tail marker and a colon: "LE PUEDE INTERESAR: …", "Lesen Sie auch: …", a
    /// pointer to another story set in the body.
    /// </summary>
    internal static bool OpensWithMarker(string normalized)
    {
        var colon = normalized.IndexOf(':');
        return colon > 0
            && MarkerSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalized.AsSpan(0, colon).TrimEnd());
    }

    /// <summary>What a marker opens: an aside of links the article may resume after, or the page's end matter.</summary>
    private enum TailKind
    {
        Aside,
        End,
    }
}
