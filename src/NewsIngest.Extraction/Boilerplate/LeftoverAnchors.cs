using System.Buffers;
using System.Text;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The <see cref="LeftoverPatterns"/> that a block can match at all, found by one search over its text for the literal
/// words their matches hold: every match of a pattern contains one of its words (ignoring case), so a block without
/// any of them cannot match it and the pattern is not run. Most preview blocks are prose that holds none of them.
/// Patterns anchored at the start of the line are cheap on their own and have no words here. Each search holds at
/// most 80 words, the most <see cref="SearchValues"/> reads with its vectorised (Teddy) search.
/// </summary>
internal static class LeftoverAnchors
{
    /// <summary>Words of the patterns read anywhere against <see cref="Block.Text"/>, which ignore case.</summary>
    private static readonly WordIndex TextWords = new(
        StringComparison.OrdinalIgnoreCase,
        (Anchored.Credit,
        [
            // "dit" stands for "crédit": the words are ASCII (but single characters), so the search is vectorised.
            "©", "foto", "photo", "bild", "credit", "dit", "quelle", "source", "fuente", "image", "abbildung",
            "getty images", "istock", "shutterstock", "imago images", "alliance", "dpa", "afp", "reuters",
        ]),
        (Anchored.Disclosure,
        [
            "affili", "provision", "commission", "compensation", "sponsored", "advertis", "werbung", "werbelink", "anzeige",
            "comisi", "afiliad", "partnerlink",
        ]),
        (Anchored.ShareCall, ["teilen", "share", "partager", "compart", "condividi", "empfiehl", "empfehlen"]),
        (Anchored.AppPromotion, ["to your phone", "to your mobile", "to your smartphone", "to your device", "download our", "herunterladen", "installieren", "charge"]),
        (Anchored.ChannelPlug, ["youtube", "instagram", "tiktok", "telegram", "whatsapp", "facebook"]),
        (Anchored.MembershipPitch, ["mitglied", "become a member", "exklusive angebote", "help us", "devenez membre", "hazte socio"]),
        (Anchored.DownloadLink, ["pdf", "doc", "xls", "ppt", "zip", "mp3", "epub", "download"]));

    /// <summary>Words of the end matter's patterns, read against <see cref="Block.Text"/> ignoring case.</summary>
    private static readonly WordIndex EndMatterWords = new(
        StringComparison.OrdinalIgnoreCase,
        (Anchored.NewsletterCall, ["newsletter", "abonn", "subscri", "suscr", "inscr", "iscriv", "sign up", "anmelden", "enter your e", "your inbox", "posteingang"]),
        (Anchored.SupportCall, ["support", "donate", "make a donation", "become a", "unterst", "spenden", "hazte", "apoya", "faire un don", "soutenez", "wesprzyj"]),
        (Anchored.SocialNetwork, ["twitter", "facebook", "instagram", "telegram", "whatsapp", "youtube", "linkedin", "tiktok", "pinterest", "mastodon"]),
        (Anchored.AppCall, ["app", "google play", "ios", "android"]),
        (Anchored.Contact, ["@", "[at]", "tel", "phone", "fax", "e-mail", "kontakt", "contact us", "nous contacter", "ctenos", "ctanos", "to the editor", "leserbrief"]),
        (Anchored.Rights,
        [
            "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits r", "derechos reservados", "diritti riservati",
            "prawem autorskim", "lizenz", "licen", "suggested citation", "zitiervorschlag",
        ]));

    /// <summary>Words of the patterns read against <see cref="Block.Normalized"/>, which is lower-case already.</summary>
    private static readonly WordIndex FoldedWords = new(
        StringComparison.Ordinal,
        (Anchored.Disclaimer, ["disclaimer", "advice", "beratung", "ohne gew", "n'engagent", "commission", "compensation", "independent review", "affiliate"]),
        (Anchored.NewsletterSignUp, ["newsletter", "enter your e", "your inbox", "opt out", "unsubscribe at", "liste de diffusion", "tout moment vous"]),
        (Anchored.ConsentPrompt,
        [
            "ich akzeptiere", "ich stimme", "i accept", "i agree", "j'accepte", "acepto", "um den inhalt", "to load the content", "einverst",
            "button", "externe", "external content", "contenido externo",
        ]),
        (Anchored.PublisherAppeal,
        [
            "rely on", "journalism", "periodismo", "jornalismo", "cancel", "con tu suscripci", "with your subscription", "jederzeit k",
            "sans engagement", "assine ", "bezahlschranke", "paywall", "wesprzyj", "zapraszamy",
        ]),
        (Anchored.IssuePromotion, ["e-paper", "einzelheft", "heft ist", "ausgabe", "issue of", "in stores now", "au kiosque", "en kiosco"]));

    /// <summary>
    /// The patterns that hold anywhere in the preview whose words <paramref name="block"/> holds. Only blocks short
    /// enough for some pattern are searched: those of <see cref="Block.Text"/> read fewer than
    /// <see cref="LeftoverStage.MaxCreditWords"/> words, those of <see cref="Block.Normalized"/> fewer than
    /// <see cref="LeftoverStage.MaxBioWords"/>.
    /// </summary>
    public static Anchored InPreview(Block block) =>
        (block.WordCount < LeftoverStage.MaxCreditWords ? TextWords.In(block.Text) : Anchored.None)
        | (block.WordCount < LeftoverStage.MaxBioWords ? FoldedWords.In(block.Normalized) : Anchored.None);

    /// <summary>
    /// The end matter's patterns whose words <paramref name="block"/> holds (they read fewer than
    /// <see cref="LeftoverStage.MaxEndMatterWords"/> words).
    /// </summary>
    public static Anchored InEndMatter(Block block) =>
        block.WordCount < LeftoverStage.MaxEndMatterWords ? EndMatterWords.In(block.Text) : Anchored.None;

    /// <summary>Lower-case words, each standing for some patterns, found in a text in one search.</summary>
    private sealed class WordIndex
    {
        /// <summary>
        /// The Kelvin sign is the one character that a pattern ignoring case reads as an ASCII letter (k) and an
        /// ordinal search ignoring case does not: a text holding it may match any pattern that ignores case.
        /// </summary>
        private const char KelvinSign = '\u212A';

        private readonly StringComparison _comparison;
        private readonly SearchValues<string> _words;

        /// <summary>
        /// The words of several characters by their first character (upper-cased, as the ordinal comparison ignoring
        /// case does, when case is ignored; every word is ASCII).
        /// </summary>
        private readonly (string Word, Anchored Patterns)[][] _byFirst = new (string, Anchored)[128][];

        /// <summary>Words of one character, searched apart: a single one in the words' search makes it slow.</summary>
        private readonly (char Mark, Anchored Patterns)[] _marks;

        private readonly SearchValues<char> _markValues;

        private readonly Anchored _all;

        public WordIndex(StringComparison comparison, params (Anchored Patterns, string[] Words)[] patterns)
        {
            _comparison = comparison;
            var all = patterns
                .SelectMany(p => p.Words.Select(w => (Word: w, p.Patterns)))
                .GroupBy(w => w.Word, StringComparer.FromComparison(comparison))
                .Select(g => (Word: g.Key, Patterns: g.Aggregate(Anchored.None, (found, w) => found | w.Patterns)))
                .ToList();
            var words = all.Where(w => w.Word.Length > 1).ToList();
            if (words.Any(w => !Ascii.IsValid(w.Word)) || all.Any(w => w.Word.Length == 1 && char.ToUpperInvariant(w.Word[0]) != char.ToLowerInvariant(w.Word[0])))
            {
                throw new ArgumentException("Words of several characters are ASCII, and words of one have no case.", nameof(patterns));
            }

            _words = SearchValues.Create(words.Select(w => w.Word).ToArray(), comparison);
            for (var c = 0; c < _byFirst.Length; c++)
            {
                _byFirst[c] = [.. words.Where(w => First(w.Word[0]) == c)];
            }

            _marks = [.. all.Where(w => w.Word.Length == 1).Select(w => (w.Word[0], w.Patterns))];
            _markValues = SearchValues.Create(string.Concat(_marks.Select(m => m.Mark)));
            _all = all.Aggregate(Anchored.None, (found, w) => found | w.Patterns);
        }

        public Anchored In(ReadOnlySpan<char> text)
        {
            if (_comparison == StringComparison.OrdinalIgnoreCase && text.Contains(KelvinSign))
            {
                return _all;
            }

            var found = Anchored.None;
            if (text.ContainsAny(_markValues))
            {
                foreach (var (mark, patterns) in _marks)
                {
                    found |= text.Contains(mark) ? patterns : Anchored.None;
                }
            }

            var at = 0;
            while (found != _all && text[at..].IndexOfAny(_words) is var offset and >= 0)
            {
                at += offset;
                var first = First(text[at]);
                foreach (var (word, patterns) in first < _byFirst.Length ? _byFirst[first] : [])
                {
                    if (text[at..].StartsWith(word, _comparison))
                    {
                        found |= patterns;
                    }
                }

                at++;
            }

            return found;
        }

        private char First(char c) => _comparison == StringComparison.OrdinalIgnoreCase ? char.ToUpperInvariant(c) : c;
    }
}

/// <summary>The <see cref="LeftoverPatterns"/> that <see cref="LeftoverAnchors"/> gates, one flag each.</summary>
[Flags]
internal enum Anchored
{
    None = 0,
    Credit = 1 << 0,
    Disclosure = 1 << 1,
    ShareCall = 1 << 2,
    AppPromotion = 1 << 3,
    ChannelPlug = 1 << 4,
    MembershipPitch = 1 << 5,
    DownloadLink = 1 << 6,
    NewsletterCall = 1 << 7,
    SupportCall = 1 << 8,
    SocialNetwork = 1 << 9,
    AppCall = 1 << 10,
    Contact = 1 << 11,
    Rights = 1 << 12,
    Disclaimer = 1 << 13,
    NewsletterSignUp = 1 << 14,
    ConsentPrompt = 1 << 15,
    PublisherAppeal = 1 << 16,
    IssuePromotion = 1 << 17,
}
