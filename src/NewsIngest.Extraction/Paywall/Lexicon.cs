using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using NewsIngest.Extraction.Dedup;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// The multilingual text lexicon (EN, DE, FR, ES, IT, PT, JA) from research/paywall-markup.md §3: wall phrases and
/// their traps. Phrases are lower-case, with straight quotes, matched inside normalized text of short blocks.
/// </summary>
internal static partial class Lexicon
{
    public static IReadOnlyList<Phrase> Phrases { get; } =
    [
        // English
        W("en", "to read the full story"), W("en", "to view the full story"), W("en", "subscribe to continue reading"),
        W("en", "subscribe to keep reading"),
        W("en", "subscribe to read"), W("en", "subscribe to unlock"), W("en", "this story is available exclusively to"),
        W("en", "this content is reserved for subscribers"), W("en", "this article is for subscribers only"),
        W("en", "this article is exclusive to subscribers"), W("en", "available to subscribers only"),
        Reg("en", "register to unlock this article"), W("en", "to continue reading, subscribe"),
        W("en", "account to continue reading"), W("en", "you must be logged in to read the rest"),
        W("en", "to read the rest of this article"), W("en", "to read this article in full"),
        W("en", "subscribe now to continue"), W("en", "become a subscriber to read"), W("en", "unlock this article"), W("en", "continue reading your article with"),
        W("en", "to continue reading this article"), W("en", "subscribe to continue"), W("en", "subscribe for full access"),
        W("en", "for full article see email"), W("en", "please contact sales@"), W("en", "subscribe to unlock more articles"),
        W("en", "the rest of this article is for subscribers"), W("en", "subscribers can read the full"),
        L("en", "already a subscriber?"), L("en", "create an account or sign in to continue"),
        L("en", "sign in to continue reading"), L("en", "log in to continue reading"), L("en", "please enter your details below"),
        Reg("en", "create a free account to continue"), Reg("en", "register for free to continue reading"),
        T("en", "sign up now for free trial access"), T("en", "start your free trial to continue"),
        M("en", "you're almost out of free articles"), M("en", "free articles remaining"), M("en", "articles left this month"),
        M("en", "you've reached your limit"), M("en", "you have reached your limit of free"), M("en", "you have read all your free articles"),
        R("en", "% of this article remaining", PercentOfArticleLeft(), "%"),
        G("en", "to comment on this article"), G("en", "subscribers can comment"),

        // German
        W("de", "jetzt weiterlesen mit"), W("de", "zugang zu allen premium-artikeln"), W("de", "jetzt weiterlesen!"),
        W("de", "können sie diesen artikel erwerben"), W("de", "nur für abonnenten"), W("de", "exklusiv für abonnenten"),
        W("de", "dieser artikel ist exklusiv für"), W("de", "mit f+ lesen"), W("de", "abopflichtiger inhalt"),
        W("de", "um den artikel weiterzulesen"), W("de", "um diesen artikel weiterzulesen"), W("de", "lesen sie jetzt weiter mit"),
        W("de", "der vollständige artikel ist nur für"), W("de", "zugang zu allen stern plus-inhalten"),
        L("de", "login für abonnenten"), L("de", "sie sind bereits kunde?"), L("de", "bereits registriert?"),
        L("de", "sie sind bereits abonnent?"), L("de", "bereits abonnent?"), T("de", "wochen für nur"),
        G("de", "diese funktion steht nur unseren abonnenten zur verfügung"),

        // French
        R("fr", "il vous reste n% de cet article à lire", PourcentageRestant(), "%"),
        W("fr", "la suite est réservée aux abonnés"), W("fr", "cet article est réservé aux abonnés"),
        W("fr", "lecture restreinte"), W("fr", "votre abonnement n'autorise pas la lecture"),
        W("fr", "abonnez-vous pour lire la suite"), W("fr", "pour lire la suite de cet article"), W("fr", "article réservé aux abonnés"),
        W("fr", "article réservé à nos abonnés"), W("fr", "lecture réservée aux abonnés"), L("fr", "déjà abonné ?"),
        L("fr", "déjà abonné?"), D("fr", "vous pouvez lire le monde sur un seul appareil"), D("fr", "continuer à lire ici"),

        // Spanish
        Reg("es", "regístrate gratis para seguir leyendo"), W("es", "suscríbete para leer sin límites"),
        W("es", "suscríbete y lee sin límites"), W("es", "este contenido es exclusivo para suscriptores"),
        W("es", "contenido exclusivo para suscriptores"), W("es", "para seguir leyendo, suscríbete"),
        Reg("es", "inicia sesión o regístrate gratis para continuar leyendo"), L("es", "¿ya eres suscriptor?"),
        G("es", "para enviar tus comentarios"),

        // Italian
        W("it", "contenuto riservato agli abbonati"), W("it", "articolo riservato agli abbonati"), W("it", "abbonati per leggere"),
        W("it", "solo per abbonati"), W("it", "per continuare a leggere abbonati"), L("it", "sei già abbonato?"),
        D("it", "è in corso su un altro dispositivo"), D("it", "continua a leggere qui"),

        // Portuguese
        W("pt", "esse conteúdo é exclusivo para assinantes"), W("pt", "este conteúdo é exclusivo para assinantes"),
        W("pt", "exclusivo para assinantes"), W("pt", "é só para assinantes"), W("pt", "assine para continuar lendo"),
        L("pt", "já é assinante?"), W("pt", "quer continuar sua leitura?"),

        // Japanese
        W("ja", "この記事は会員限定です"), W("ja", "有料会員限定"), W("ja", "有料会員になると会員限定の有料記事もお読みいただけます"),
        W("ja", "続きを読むには"), W("ja", "この記事は有料会員限定です"), L("ja", "ログインして続きを読む"),
        L("ja", "無料で会員登録"), L("ja", "無料会員に登録する"), T("ja", "有料会員が2カ月無料"), T("ja", "初割ですべての記事が読み放題"),
        R("ja", "残りn文字", CharactersLeft(), "残り"), G("ja", "スクラップは会員限定です"),

        // Marketing, cookies and newsletters (any language)
        K("en", PhraseKind.Marketing, "is the leading provider", LeadingProvider(), "leading"),
        K("en", PhraseKind.Marketing, "our head office is in", HeadOffice(), "office"),
        K("en", PhraseKind.Cookie, "we use cookies", CookiesEn(), "cookie"),
        K("de", PhraseKind.Cookie, "wir verwenden cookies", CookiesDe(), "cookie"),
        K("fr", PhraseKind.Cookie, "nous utilisons des cookies", CookiesFr(), "cookie"),
        K("es", PhraseKind.Cookie, "utilizamos cookies", CookiesEs(), "cookie"),
        K("it", PhraseKind.Cookie, "utilizziamo i cookie", CookiesIt(), "cookie"),
        K("en", PhraseKind.Newsletter, "sign up for our newsletter", NewsletterEn(), "newsletter"),
        K("de", PhraseKind.Newsletter, "newsletter abonnieren", NewsletterDe(), "newsletter"),
        K("fr", PhraseKind.Newsletter, "inscrivez-vous à notre newsletter", NewsletterFr(), "newsletter"),
    ];

    /// <summary>Phrases that say an article wall stands here.</summary>
    public static bool IsWallEvidence(PhraseKind kind) =>
        kind is PhraseKind.Wall or PhraseKind.Remaining or PhraseKind.Registration or PhraseKind.Login or PhraseKind.Meter or PhraseKind.Trial;

    /// <summary>Blocks longer than this are article prose, not wall or interface text.</summary>
    public const int MaxPhraseBlockChars = 400;

    private static readonly Phrase[] Literal = Phrases.Where(p => p.Pattern is null).ToArray();
    private static readonly Phrase[] Patterned = Phrases.Where(p => p.Pattern is not null).ToArray();
    /// <summary>The patterns' distinct trigger words, and which one each pattern in <see cref="Patterned"/> has.</summary>
    private static readonly string[] Triggers = Patterned.Select(p => p.Trigger!).Distinct(StringComparer.Ordinal).ToArray();
    private static readonly int[] TriggerOf = IndexesOfTriggers();

    private static readonly SearchValues<string> AsciiLiterals = SearchValues.Create(Literal.Where(p => Ascii.IsValid(p.Text)).Select(p => p.Text).ToArray(), StringComparison.Ordinal);

    /// <summary>Text shorter than these cannot hold a literal phrase of the set: the search is skipped.</summary>
    private static readonly int MinAsciiLiteral = ShortestLiteral(ascii: true);
    private static readonly int MinOtherLiteral = ShortestLiteral(ascii: false);

    /// <summary>Every ASCII phrase has more than one word: a one-word label ("Menu", "Subscribe") cannot hold one.</summary>
    private static readonly bool AsciiLiteralsHaveSpaces = Literal.Where(p => Ascii.IsValid(p.Text)).All(p => p.Text.Contains(' ', StringComparison.Ordinal));

    /// <summary>
    /// The characters above ASCII in the other phrases: text with none of them cannot hold one, and the multi-string
    /// search over non-ASCII phrases (a per-character table walk) is skipped.
    /// </summary>
    private static readonly SearchValues<char> OtherLiteralChars = SearchValues.Create(NonAsciiLetters());

    /// <summary>
    /// Pieces of the ASCII phrases, each phrase holding at least one, chosen to start with letters that are rare in
    /// running text ("bscri", "ccount"): text holding none of them cannot hold an ASCII phrase, and this search of a
    /// few words checks far fewer places than the search of every phrase, most of which start with "to ", "thi" or
    /// "you". <see cref="AsciiAnchorsCoverAll"/> says every phrase holds one; the gate is off when one does not.
    /// </summary>
    internal static readonly string[] AsciiAnchorWords =
    [
        "bscri", "ull stor", "xclusiv", "nlock", "nue read", "gged in", "rest of t", "n full", "see ema", "sales@",
        "sign in", "etails below", "ccount", "ee trial", "ee article", "eft this", "r limit", "omment on",
        "weiterles", "zugang zu allen", "f+ lesen", "abopflicht", "weiterzules", "tzt weiter", "bereits ",
        "restreint", "abonn", "lire la suite", "seul appar", "abbonat", "assine", "continuar sua", "tus comentarios",
        "leggere qui",
    ];

    /// <summary>
    /// Likewise for the phrases with other letters: an ASCII piece of each Latin-script phrase, and for the Japanese
    /// ones one of a few letters every such phrase has. Text without any of them skips the search of those phrases, a
    /// per-character table walk.
    /// </summary>
    internal static readonly string[] OtherAnchorWords =
    [
        "abonn", "xklusiv", " sie diesen artikel", "ndige artikel", "wochen f", "suscr", "inicia sesi", "gratis para seguir",
        "continuer ", "abbonat", "in corso su", "assinante",
    ];

    internal const string OtherAnchorLetters = "会続初";

    private static readonly SearchValues<string> AsciiAnchors = SearchValues.Create(AsciiAnchorWords, StringComparison.Ordinal);

    /// <summary>Every ASCII phrase holds one of <see cref="AsciiAnchorWords"/>.</summary>
    internal static readonly bool AsciiAnchorsCoverAll =
        Literal.Where(p => Ascii.IsValid(p.Text)).All(p => AsciiAnchorWords.Any(a => p.Text.Contains(a, StringComparison.Ordinal)));

    /// <summary>Every other phrase holds one of <see cref="OtherAnchorWords"/> or of <see cref="OtherAnchorLetters"/>.</summary>
    internal static bool OtherAnchorsCoverAll => Other.AnchorsCoverAll;

    /// <summary>The first phrase found in text already passed through <see cref="TextNormalizer"/>, or null. One
    /// multi-string search finds the literal phrases, run only when the text holds one of their anchor words; patterns
    /// run only when their trigger word is present.</summary>
    public static Phrase? MatchNormalized(string normalized)
    {
        if (normalized.Length > MaxPhraseBlockChars)
        {
            return null;
        }

        // Patterns first: they are the most specific ("Il vous reste 57% ..." also holds "la suite est réservée").
        // Several patterns share a trigger word ("cookie" five times): each distinct word is searched at most once.
        Span<sbyte> found = stackalloc sbyte[Triggers.Length];
        found.Clear();
        for (var i = 0; i < Patterned.Length; i++)
        {
            ref var has = ref found[TriggerOf[i]];
            if (has == 0)
            {
                has = normalized.Contains(Triggers[TriggerOf[i]], StringComparison.Ordinal) ? (sbyte)1 : (sbyte)-1;
            }

            if (has > 0 && Patterned[i].Pattern!.IsMatch(normalized))
            {
                return Patterned[i];
            }
        }

        var span = normalized.AsSpan();
        var at = span.Length < MinAsciiLiteral || (AsciiLiteralsHaveSpaces && !span.Contains(' '))
            || (AsciiAnchorsCoverAll && !span.ContainsAny(AsciiAnchors)) ? -1 : span.IndexOfAny(AsciiLiterals);

        // Phrases with other characters can only be in text that has such characters; searched on their own, they
        // leave the ASCII phrases to the much faster all-ASCII search.
        if (span.Length >= MinOtherLiteral && span.ContainsAny(OtherLiteralChars)
            && (!Other.AnchorsCoverAll || span.ContainsAny(Other.AnchorChars) || span.ContainsAny(Other.Anchors))
            && span.IndexOfAny(Other.Literals) is var other and >= 0 && (at < 0 || other < at))
        {
            at = other;
        }

        if (at >= 0)
        {
            foreach (var phrase in Literal)
            {
                if (span[at..].StartsWith(phrase.Text, StringComparison.Ordinal))
                {
                    return phrase;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The searches of the phrases with other letters, built at the first text that holds one of those letters (most
    /// English pages never do): their multi-string searchers are some of a cold start's set-up.
    /// </summary>
    private static class Other
    {
        public static readonly SearchValues<string> Literals = SearchValues.Create(Lexicon.Literal.Where(p => !Ascii.IsValid(p.Text)).Select(p => p.Text).ToArray(), StringComparison.Ordinal);
        public static readonly SearchValues<string> Anchors = SearchValues.Create(OtherAnchorWords, StringComparison.Ordinal);
        public static readonly SearchValues<char> AnchorChars = SearchValues.Create(OtherAnchorLetters);

        public static readonly bool AnchorsCoverAll =
            Lexicon.Literal.Where(p => !Ascii.IsValid(p.Text)).All(p => OtherAnchorWords.Any(a => p.Text.Contains(a, StringComparison.Ordinal))
                || p.Text.AsSpan().ContainsAny(AnchorChars));
    }

    // The tables below are built by loops rather than LINQ: LINQ over these element types (int results, the phrases'
    // characters) was JIT-compiled at every start, the lexicon's ReadyToRun code not being able to hold it.
    private static int[] IndexesOfTriggers()
    {
        var indexes = new int[Patterned.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = Array.IndexOf(Triggers, Patterned[i].Trigger);
        }

        return indexes;
    }

    private static int ShortestLiteral(bool ascii)
    {
        var shortest = int.MaxValue;
        foreach (var phrase in Literal)
        {
            if (Ascii.IsValid(phrase.Text) == ascii)
            {
                shortest = Math.Min(shortest, phrase.Text.Length);
            }
        }

        return shortest;
    }

    /// <summary>The phrases' characters above ASCII, each once, in the order they first occur.</summary>
    private static string NonAsciiLetters()
    {
        var letters = new StringBuilder();
        foreach (var phrase in Literal)
        {
            foreach (var c in phrase.Text)
            {
                if (!char.IsAscii(c) && !Contains(letters, c))
                {
                    letters.Append(c);
                }
            }
        }

        return letters.ToString();
    }

    private static bool Contains(StringBuilder letters, char c)
    {
        for (var i = 0; i < letters.Length; i++)
        {
            if (letters[i] == c)
            {
                return true;
            }
        }

        return false;
    }

    private static Phrase W(string language, string text) => new(language, PhraseKind.Wall, text);

    private static Phrase Reg(string language, string text) => new(language, PhraseKind.Registration, text);

    private static Phrase L(string language, string text) => new(language, PhraseKind.Login, text);

    private static Phrase T(string language, string text) => new(language, PhraseKind.Trial, text);

    private static Phrase M(string language, string text) => new(language, PhraseKind.Meter, text);

    private static Phrase G(string language, string text) => new(language, PhraseKind.FeatureGate, text);

    private static Phrase D(string language, string text) => new(language, PhraseKind.DeviceSharing, text);

    private static Phrase R(string language, string text, Regex pattern, string trigger) => K(language, PhraseKind.Remaining, text, pattern, trigger);

    private static Phrase K(string language, PhraseKind kind, string text, Regex pattern, string trigger) => new(language, kind, text, pattern, trigger);

    // The patterns, source-generated (backtracking, with the match timeout): building them with new Regex(...) at start
    // parsed and analysed all 13 in the static table, some 7 ms of a cold start.
    [GeneratedRegex(@"(?<!\d)\d+(?:[.,]\d+)?\s?% of (?:this|the) (?:article|story) (?:remaining|left)", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex PercentOfArticleLeft();

    [GeneratedRegex(@"il vous reste \d+(?:[.,]\d+)?\s?% de cet article (?:à|a) lire", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex PourcentageRestant();

    [GeneratedRegex(@"残り\s?\d[\d,]*\s?文字", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CharactersLeft();

    [GeneratedRegex(@"\bis the (?:leading|premier|world's leading|foremost|number one) (?:provider|source|supplier)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex LeadingProvider();

    [GeneratedRegex(@"^our (?:head )?offices? (?:is|are) (?:in|located)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex HeadOffice();

    [GeneratedRegex(@"\b(?:we use cookies|this (?:web)?site uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CookiesEn();

    [GeneratedRegex(@"\b(?:wir verwenden cookies|diese (?:web)?seite verwendet cookies|cookie-einstellungen)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CookiesDe();

    [GeneratedRegex(@"\b(?:nous utilisons des cookies|ce site utilise des cookies|gérer mes cookies)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CookiesFr();

    [GeneratedRegex(@"\b(?:utilizamos cookies|usamos cookies|este sitio utiliza cookies)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CookiesEs();

    [GeneratedRegex(@"\b(?:utilizziamo (?:i )?cookie|questo sito utilizza (?:i )?cookie)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex CookiesIt();

    [GeneratedRegex(@"\b(?:sign up for|subscribe to|get) (?:our|the) (?:free )?(?:\w+ )?newsletters?\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex NewsletterEn();

    [GeneratedRegex(@"\bnewsletter (?:abonnieren|bestellen)\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex NewsletterDe();

    [GeneratedRegex(@"\binscrivez-vous (?:à|a) (?:notre|la) newsletter\b", RegexOptions.CultureInvariant, RegexBudget.MatchTimeoutMilliseconds)]
    private static partial Regex NewsletterFr();
}
