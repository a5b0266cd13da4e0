using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;
using NewsIngest.Extraction.Boilerplate;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// The patterns rewritten to run on the backtracking engine in linear time (atomic white space, a look-behind, the
/// first "app" of a line) and the scans that replaced patterns give what the patterns as they were gave, on any text
/// made of the pieces they look for. The patterns as they were run here on the non-backtracking engine.
/// </summary>
public sealed class RewrittenPatternTests
{
    private const RegexOptions Before = RegexOptions.NonBacktracking;

    public static TheoryData<string, string, RegexOptions, string[], bool> Rewritten() => new()
    {
        {
            "LeftoverPatterns.Credit",
            @"©|\((?:foto|photo|bild|credit|quelle|source|image|fuente|crédit)s?\s*:|^(?:foto|photo|bild|credit|crédit|quelle|source|fuente|image|abbildung|titelbild|beitragsbild|fotos|photos|bildquelle|fotoquelle)(?:\s*\d+)?\s*:|(?:getty images|istock(?:\.com)?|shutterstock|imago images|picture[- ]alliance|/\s*dpa|/\s*afp|/\s*reuters)\s*\)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["foto", "Photo", " ", "  ", "\n", ":", "1", "23", "(", ")", "getty images", "/", "dpa", "x", "©", "istock.com"],
            false
        },
        {
            "LeftoverPatterns.AppCall",
            @"\b(?:app store|google play|ios|android)\b|\bapps?\b.*\b(?:download|herunterladen|descarga|télécharg)|\b(?:download|herunterladen|descarga|télécharg)\w*\b.*\bapps?\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["app", "apps", "App", " ", "\n", "download", "downloads", "télécharger", "x", "ios", "happy", "-"],
            false
        },
        {
            "LeftoverPatterns.Contact",
            @"[\w.+-]+@[\w-]+\.[\w.]+|\[at\]|\b(?:telefon|tel\.|phone|fax|e-mail)\s*:|\bmit uns in kontakt\b|\bkontaktieren sie uns\b|\bcontact us\b|\bnous contacter\b|\bcontáct(?:enos|anos)\b|\bletters? to the editor\b|\bleserbrief",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["a", "b.c", "+", "-", "@", ".", "de", " ", "phone", ":", "[at]", "x_y", "contact us"],
            false
        },
        {
            "LeftoverPatterns.DownloadLink",
            @"\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub)\b\s*[|,(]?\s*\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|bytes?)\b|\bdownload\s*\(\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\s*\)|\b(?:als|as) pdf (?:herunterladen|downloaden|download)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["pdf", "PDF", " ", "|", ",", "(", ")", "38", "1.5", "kb", "MiB", "bytes", "download", "x"],
            false
        },
        {
            "UiText.ReadingTime",
            @"^\s*(?:\d{1,3}\s*(?:-|–)?\s*(?:min(?:ute)?s?\.?)\s*(?:read|reading|de lecture|lesezeit|de lectura|di lettura|de leitura)|(?:reading time|lesezeit|temps de lecture|tiempo de lectura|lesedauer)\s*:?\s*\d{1,3}\s*min\w*)\s*$",
            RegexOptions.IgnoreCase,
            ["5", "12", " ", "-", "–", "min", "minutes", ".", "read", "reading", "lesezeit", ":", "x"],
            false
        },
        {
            "UiText.Dateline",
            @"^\s*(?:\(?[A-Z][A-Za-z]{1,12}\)?\s*\(\s*[A-Z][A-Za-z .]{1,24}\)|\([A-Z]{2,12}\)\s*[A-Z][A-Za-z .]{1,24})\s*[-–—:]?\s*$",
            RegexOptions.None,
            ["MNI", "(", ")", " ", "LONDON", "London", "-", "—", ":", "x", "."],
            false
        },
        {
            "UiText.BareDate",
            @"^\s*(?:(?:updated|published|posted|veröffentlicht|aktualisiert|publié le|mis à jour|publicado|actualizado)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?(?:\d{1,2}[./ ]\s*(?:\d{1,2}|[A-Za-zäéû]{3,9})(?:\.\s*|[/ ]\s*)\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:at\s*|um\s*|à\s*)?\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr))?(?:\s*[A-Z]{2,4})?)?\s*$",
            RegexOptions.IgnoreCase,
            ["updated", ":", " ", "Monday", ",", "5", "12", ".", "/", "March", "2020", "-", "at", "10", "pm", "CET", "x"],
            false
        },
        {
            "UiText.Credit",
            @"^\s*(?:(?:foto|fotos|bild|bilder|photo|photos|image|credit|credits|quelle|source|fuente|fonte|kuva|źródło|zdjęcie|crédit|crédits|copyright|©)\s*:|\(?\s*(?:foto|photo|image|bild)?\s*[A-Z]{2,}[A-Za-z]*\s*/\s*[\p{L} .\-]+\)$|©)",
            RegexOptions.IgnoreCase,
            ["foto", "(", ")", " ", "\t", "REUTERS", "AP", "/", "Denis", ".", "-", ":", "©", "1"],
            false
        },
        {
            "UiText.WireContact",
            @"^\s*-{2,}\s*\S.*(?:bureau|desk|e-?mail|@|\+\d)",
            RegexOptions.IgnoreCase,
            ["-", "--", " ", "\n", "MNI", "bureau", "b", "desk", "@", "+1", "x"],
            false
        },
        {
            "UiText.AuthorSplit",
            @"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*",
            RegexOptions.None,
            ["Ann", " ", ",", "and", "e", "y", "&", "Bob", "x"],
            true
        },
        {
            "LeftoverPatterns.MarkupTag",
            @"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["<", "/", "p", "h1", " ", "class=x", ">", "<<", "x"],
            true
        },
        {
            "LeftoverPatterns.SocialNetwork",
            @"twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|tiktok|pinterest|mastodon",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            ["twitter", "Facebook", "x", " ", "tele", "gram"],
            true
        },
        {
            "UiText.InlineCounter",
            @"(?:^|[^\w.,])(?<n>\d{1,3}(?:[,.]\d{3})+|\d{1,6})\s*(?:words?|wörter|mots|palabras|parole|palavras|語)(?:$|\W)",
            RegexOptions.IgnoreCase,
            ["604", "1", ",", ".", "203", " ", "words", "Wörter", "x", "-"],
            true
        },
    };

    [Theory]
    [MemberData(nameof(Rewritten))]
    public void A_rewritten_pattern_matches_where_it_matched_before(string name, string before, RegexOptions options, string[] pieces, bool spans)
    {
        // Where the extractor only asks whether the text matches, only that must agree; where it reads the matches, they must.
        var after = Pattern(name);
        var reference = new Regex(before, options | Before);
        Text(pieces).Sample(text =>
        {
            Assert.Equal(reference.IsMatch(text), after.IsMatch(text));
            if (spans)
            {
                Assert.Equal(Spans(reference, text), Spans(after, text));
            }
        }, iter: 3000);
    }

    [Fact]
    public void The_percentage_left_of_a_story_matches_where_it_matched_before()
    {
        var before = new Regex(@"\d+(?:[.,]\d+)?\s?% of (?:this|the) (?:article|story) (?:remaining|left)", RegexOptions.CultureInvariant | Before);
        var after = NewsIngest.Extraction.Paywall.Lexicon.Phrases.Single(p => p.Text == "% of this article remaining").Pattern!;
        Text(["1", "57", ".", ",", " ", "% of this article remaining", "% of the story left", "x"]).Sample(
            text => Assert.Equal(before.IsMatch(text), after.IsMatch(text)), iter: 3000);
    }

    [Fact]
    public void A_byline_gives_the_names_it_gave_before()
    {
        var before = new Regex(@"^\s*(?i:by|von|par|por|di|de|door|av)\s+(?<names>\p{Lu}[\p{L}.'\-]+(?:\s+\p{Lu}?[\p{L}.'\-]+){0,3}(?:\s*(?:,|and|und|et|y|e|&)\s*\p{Lu}[\p{L}.'\-]+(?:\s+\p{Lu}?[\p{L}.'\-]+){0,3}){0,4})\s*$", Before);
        var split = new Regex(@"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", Before);
        string[] pieces = ["By ", "by ", "De ", "Anne", "Bob", "Ab", "e", "y", "and", "und", " ", "  ", ",", "&", "Cd", "smith", "O'Neil", "-", "x", "1", "Marie", "Van"];
        var bylines = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 14].Select(p => (p[0].StartsWith('b') || p[0].StartsWith('B') || p[0] == "De " ? "" : "By ") + string.Concat(p));
        bylines.Sample(text =>
        {
            var match = before.Match(text);
            string[]? expected = match.Success && text.Length <= 120
                ? split.Split(match.Groups["names"].Value).Select(n => n.Trim(' ', ',', '.', '|')).Where(n => n.Length > 1).ToArray()
                : null;
            Assert.Equal(expected, UiText.Byline(text));
        }, iter: 5000);
    }

    [Fact]
    public void The_meta_charset_scan_finds_the_label_the_pattern_found()
    {
        var pattern = new Regex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | Before);
        Text(["<meta", "<META", " ", "\t", "charset", "CharSet", "=", "\"", "'", ">", "utf-8", "x", "<", "http-equiv", "content=\"text/html;"]).Sample(text =>
        {
            var match = pattern.Match(text);
            Assert.Equal(match.Success ? match.Groups["cs"].Value : null, MetaCharsetScanner.Find(text));
        }, iter: 5000);
    }

    [Fact]
    public void The_meta_charset_scan_reads_a_page_of_unclosed_meta_tags_once()
    {
        var text = string.Concat(Enumerable.Repeat("<meta charset ", 100_000)) + "<meta charset=utf-8>";

        // The pattern's first match starts at the first <meta, whose tag runs to the end: the last "charset" wins.
        Assert.Equal("utf-8", MetaCharsetScanner.Find(text));
        Assert.Null(MetaCharsetScanner.Find(string.Concat(Enumerable.Repeat("<meta charset ", 100_000))));
    }

    private static Gen<string> Text(string[] pieces) => Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 12].Select(string.Concat);

    private static List<(int, int)> Spans(Regex regex, string text)
    {
        var spans = new List<(int, int)>();
        foreach (var match in regex.EnumerateMatches(text))
        {
            spans.Add((match.Index, match.Length));
        }

        return spans;
    }

    private static Regex Pattern(string name)
    {
        var (type, method) = (name.Split('.')[0], name.Split('.')[1]);
        var owner = typeof(ExtractionPipeline).Assembly.GetTypes().Single(t => t.Name == type);
        return (Regex)owner.GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(null, null)!;
    }
}
