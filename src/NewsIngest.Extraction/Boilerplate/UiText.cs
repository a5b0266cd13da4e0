using System.Globalization;
using System.Text.RegularExpressions;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// Short interface text that is never article text: calls to action, expanders, close buttons, stray CMS values,
/// length counters, datelines. Matched on the whole block, normalized.
/// </summary>
internal static partial class UiText
{
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "free trial", "start free trial", "start your free trial", "try for free", "log in", "login", "log out",
        "sign in", "sign up", "sign up now", "register", "register now", "subscribe", "subscribe now", "close", "x",
        "×", "keep reading...show less", "keep reading... show less", "keep reading", "show less", "show more",
        "read more", "read less", "continue reading", "continue", "more", "submit", "send", "true", "false", "null",
        "undefined", "share", "share this", "share this article", "share on facebook", "share on twitter",
        "share on linkedin", "print", "email", "e-mail", "tweet", "copy link", "link copied", "advertisement",
        "advertising", "sponsored", "ad", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade",
        "abo testen", "jetzt abonnieren", "abonnieren", "anmelden", "weiterlesen", "s'abonner", "se connecter",
        "je m'abonne", "suscríbete", "suscribirse", "iniciar sesión", "abbonati", "accedi", "assine", "entrar",
        "ログインする", "ログイン", "今すぐ登録", "会員登録する", "menu", "search", "skip to content", "skip to main content",
        "back to top", "follow us", "comments", "leave a comment", "accept", "accept all", "reject all",
        "manage preferences", "cookie settings", "ok", "got it", "i agree", "agree", "listen", "listen to this article",
        "save", "save article", "gift this article", "next", "previous", "home", "top", "related", "related articles",
        "most read", "trending", "follow", "newsletter", "subscribe to our newsletter", "loading...", "loading",
        "wird geladen", "gefällt mir wird geladen", "lade", "liken lade", "gefällt mir lade", "like loading",
        "rezept drucken", "print recipe", "jetzt teilen", "artikel bewerten", "cargando", "chargement", "caricamento",
    };

    private const int Budget = RegexBudget.MatchTimeoutMilliseconds;

    private static readonly char[] LabelEnds = ['.', '!', ':', '»', '›', '→', ' ', '…'];

    /// <summary>True when the whole block is interface text.</summary>
    public static bool IsLabel(Block block) =>
        block.Text.Length <= 40 && Labels.Contains(block.Normalized.TrimEnd(LabelEnds));

    /// <summary>The longest text a counter or meta-line pattern reads, the inline counter aside.</summary>
    private const int MaxPatternChars = 200;

    /// <summary>The inline counter reads blocks of a few words with links, however long.</summary>
    private const int MaxInlineCounterWords = 12;

    /// <summary>
    /// The marks the counter and meta-line patterns need (<see cref="UiTextMarks"/>), read once per block; a block no
    /// pattern reads (too long) gets none.
    /// </summary>
    public static UiTextMarks MarksOf(Block block) =>
        block.Text.Length <= MaxPatternChars || (block.WordCount <= MaxInlineCounterWords && block.LinkChars > 0)
            ? UiTextMarks.Of(block.Text)
            : default;

    /// <summary>The declared length in an "N words" counter ("604 words", "1,203 Wörter"), else null.</summary>
    public static int? WordCounter(string text, in UiTextMarks marks) =>
        text.Length > 40 || !marks.Digit ? null : CounterWords(text);

    private static int? CounterWords(string text)
    {
        var match = Counter().Match(text);
        return match.Success
            && int.TryParse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var words)
            && words > 0 ? words : null;
    }

    /// <summary>
    /// The declared length in a counter that shares its line with the wall's links ("604 words Keep reading Sign in",
    /// the counter an inline span): a short block whose text apart from the counter is links. Else null.
    /// </summary>
    public static int? InlineWordCounter(Block block, in UiTextMarks marks)
    {
        if (block.WordCount > MaxInlineCounterWords || block.LinkChars == 0 || !marks.Digit)
        {
            return null;
        }

        var match = InlineCounter().Match(block.Text);
        return match.Success && block.LinkChars >= (block.Text.Length - match.Length) * 0.7
            ? CounterWords(match.Groups["n"].Value + " words")
            : null;
    }

    /// <summary>
    /// Reading-time lines ("5 min read"), datelines ("MNI (LONDON)") and bare dates; each pattern runs only on text
    /// holding the marks it needs.
    /// </summary>
    public static bool IsMetaLine(string text, in UiTextMarks marks) =>
        (text.Length <= 100 && marks.CreditSign && Credit().IsMatch(text))
        || (text.Length <= 80 && ((marks.Digit && ReadingTime().IsMatch(text)) || (marks.OpenParen && Dateline().IsMatch(text))
            || (marks.Digit && BareDate().IsMatch(text))))
        || (text.Length <= MaxPatternChars && ((marks.DoubleHyphen && WireContact().IsMatch(text))
            || (marks.BracketAndColon && WireCodes().IsMatch(text))));

    /// <summary>"By Jane Doe and John Roe": the names, else null.</summary>
    public static string[]? Byline(string text)
    {
        if (text.Length > 120 || !MayStartByline(text))
        {
            return null;
        }

        var match = BylinePattern().Match(text);
        if (!match.Success && GluedByline(text) is { Success: true } glued)
        {
            match = glued;
        }

        if (!match.Success)
        {
            return null;
        }

        return AuthorSplit().Split(match.Groups["names"].Value)
            .Select(n => n.Trim(' ', ',', '.', '|'))
            .Where(n => n.Length > 1)
            .ToArray();
    }

    [GeneratedRegex(@"^\s*(?<n>\d{1,3}(?:[,. ]\d{3})+|\d{1,6})\s*(?:words?|wörter|mots|palabras|parole|palavras|語)\s*$", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex Counter();

    [GeneratedRegex(@"(?:^|[^\w.,])(?<n>\d{1,3}(?:[,.]\d{3})+|\d{1,6})\s*(?:words?|wörter|mots|palabras|parole|palavras|語)(?:$|\W)", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex InlineCounter();

    [GeneratedRegex(@"^(?>\s*)(?:\d{1,3}(?>\s*)(?:[-–](?>\s*))?(?:min(?:ute)?s?\.?)\s*(?:read|reading|de lecture|lesezeit|de lectura|di lettura|de leitura)|(?:reading time|lesezeit|temps de lecture|tiempo de lectura|lesedauer)(?>\s*)(?::(?>\s*))?\d{1,3}\s*min\w*)\s*$", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex ReadingTime();

    // "MNI (LONDON)", "(MNI) London", "LONDON (Reuters) -": an agency or city with a parenthesis, nothing else.
    [GeneratedRegex(@"^\s*(?:\(?[A-Z][A-Za-z]{1,12}\)?\s*\(\s*[A-Z][A-Za-z .]{1,24}\)|\([A-Z]{2,12}\)\s*[A-Z][A-Za-z .]{1,24})(?>\s*)(?:[-–—:](?>\s*))?$", RegexOptions.None, Budget)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?>\s*)(?:(?:updated|published|posted|veröffentlicht|aktualisiert|publié le|mis à jour|publicado|actualizado)(?>\s*)(?::(?>\s*))?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?(?>\s*))?(?:\d{1,2}[./ ](?>\s*)(?:\d{1,2}|[A-Za-zäéû]{3,9})(?:\.(?>\s*)|[/ ](?>\s*))\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})(?:,?(?>\s*)(?:at(?>\s*)|um(?>\s*)|à(?>\s*))?\d{1,2}[:.h]\d{2}(?:(?>\s*)(?:am|pm|a\.m\.|p\.m\.|uhr))?(?:(?>\s*)[A-Z]{2,4})?)?\s*$", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex BareDate();

    // Picture credits and sources: "Foto: dpa", "Kuva: ALEXANDER BECHER", "(REUTERS/Denis Balibouse)", "Quelle: Land".
    [GeneratedRegex(@"^(?>\s*)(?:(?:foto|fotos|bild|bilder|photo|photos|image|credit|credits|quelle|source|fuente|fonte|kuva|źródło|zdjęcie|crédit|crédits|copyright|©)\s*:|(?:\((?>\s*))?(?:(?:foto|photo|image|bild)(?>\s*))?(?>[A-Z]{2,}[A-Za-z]*)(?>\s*)/(?>\s*)(?:[\p{L} .\-]+|(?<= ))\)$|©)", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex Credit();

    // Wire-service tails: "--MNI Washington Bureau; +1 202 ...; email: ...", "[TOPICS: M$U$$$,MMUFE$]".
    [GeneratedRegex(@"^(?>\s*)--(?:-.*(?:bureau|desk|e-?mail|@|\+\d)|(?>-*)(?>\s*)\S.*(?:bureau|desk|e-?mail|@|\+\d))", RegexOptions.IgnoreCase, Budget)]
    private static partial Regex WireContact();

    [GeneratedRegex(@"^\s*\[[A-Z][A-Z ]{2,20}:[^\]]*\]\s*$", RegexOptions.None, Budget)]
    private static partial Regex WireCodes();

    /// <summary>
    /// Whether the text's first character past white space (<c>\s</c>, as <see cref="char.IsWhiteSpace(char)"/> reads
    /// it) can start one of the byline patterns' words (by, von, par, por, di, de, door, av, in any case). A character
    /// beyond ASCII is left to the patterns, which may read it as a case form of one of those letters.
    /// </summary>
    private static bool MayStartByline(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c > '\u007f' || (c | 0x20) is 'b' or 'v' or 'p' or 'd' or 'a';
            }
        }

        return false;
    }

    /// <summary>
    /// The byline's full grammar reads a conjunction glued to a name too ("Anne" as "Ann" + "e" before "Smith"), which
    /// only a non-backtracking engine decides in linear time: it runs only for text that starts like a byline, that
    /// <see cref="BylinePattern"/> did not take, and that has such a glue, and is built then.
    /// </summary>
    private static Match? GluedByline(string text)
    {
        var start = BylineStart().Match(text);
        return start.Success && GluedConjunction().IsMatch(text.AsSpan(start.Length))
            ? GluedBylinePattern().Match(text)
            : null;
    }

    // A byline as GluedBylinePattern reads it, each name taken whole and a conjunction word only between spaces: the
    // same names for every text it takes, with no way to split a name (linear).
    [GeneratedRegex(@"^(?>\s*)(?i:by|von|par|por|di|de|door|av)(?>\s+)(?<names>\p{Lu}(?>[\p{L}.'\-]+)(?:(?>\s+)(?>[\p{L}.'\-]+)){0,3}(?:(?:(?>\s*)[,&]|(?>\s+)(?:and|und|et|y|e)(?=\s))(?>\s*)\p{Lu}(?>[\p{L}.'\-]+)(?:(?>\s+)(?>[\p{L}.'\-]+)){0,3}){0,4})\s*$", RegexOptions.None, Budget)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^(?>\s*)(?i:by|von|par|por|di|de|door|av)(?>\s+)(?=\p{Lu})", RegexOptions.None, Budget)]
    private static partial Regex BylineStart();

    // A conjunction word touching a name on its left (before a capital) or on its right.
    [GeneratedRegex(@"[\p{L}.'\-](?:and|und|et|y|e)\s*\p{Lu}|(?:and|und|et|y|e)\p{Lu}", RegexOptions.None, Budget)]
    private static partial Regex GluedConjunction();

    [GeneratedRegex(@"^\s*(?i:by|von|par|por|di|de|door|av)\s+(?<names>\p{Lu}[\p{L}.'\-]+(?:\s+\p{Lu}?[\p{L}.'\-]+){0,3}(?:\s*(?:,|and|und|et|y|e|&)\s*\p{Lu}[\p{L}.'\-]+(?:\s+\p{Lu}?[\p{L}.'\-]+){0,3}){0,4})\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex GluedBylinePattern();

    // The leading white space is one atomic loop (nothing after it is white space): a failed try resumes past it.
    [GeneratedRegex(@"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", RegexOptions.None, Budget)]
    private static partial Regex AuthorSplit();
}
