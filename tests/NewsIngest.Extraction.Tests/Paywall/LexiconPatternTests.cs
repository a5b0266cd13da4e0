using System.Text.RegularExpressions;
using CsCheck;
using NewsIngest.Extraction.Paywall;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Paywall;

/// <summary>
/// The lexicon's 13 patterns are source-generated (they were built with <c>new Regex(...)</c> in the static table, some
/// 7 ms of a cold start): each still has the options and match timeout it had, matches what the pattern built at run
/// time matches, and the lexicon still finds its phrase in a sentence that says it.
/// </summary>
public sealed class LexiconPatternTests
{
    public static TheoryData<string, string> Sayings() => new()
    {
        { "% of this article remaining", "57% of this article remaining" },
        { "% of this article remaining", "you have 1,5 % of the story left" },
        { "il vous reste n% de cet article à lire", "il vous reste 76% de cet article à lire." },
        { "il vous reste n% de cet article à lire", "il vous reste 2.5 % de cet article a lire" },
        { "残りn文字", "残り 1,234 文字" },
        { "is the leading provider", "acme is the world's leading supplier of data" },
        { "our head office is in", "our offices are located in london" },
        { "we use cookies", "this website uses cookies to improve it" },
        { "wir verwenden cookies", "diese seite verwendet cookies" },
        { "nous utilisons des cookies", "ce site utilise des cookies" },
        { "utilizamos cookies", "usamos cookies propias" },
        { "utilizziamo i cookie", "questo sito utilizza i cookie" },
        { "sign up for our newsletter", "get our free daily newsletters" },
        { "newsletter abonnieren", "jetzt newsletter bestellen" },
        { "inscrivez-vous à notre newsletter", "inscrivez-vous a la newsletter" },
    };

    [Fact]
    public void The_lexicon_has_its_thirteen_patterns() => Assert.Equal(13, Patterned().Count());

    [Fact]
    public void Each_pattern_keeps_its_options_and_match_timeout()
    {
        foreach (var phrase in Patterned())
        {
            Assert.Equal(RegexOptions.CultureInvariant, phrase.Pattern!.Options);
            Assert.Equal(TimeSpan.FromMilliseconds(RegexBudget.MatchTimeoutMilliseconds), phrase.Pattern.MatchTimeout);
        }
    }

    [Theory]
    [MemberData(nameof(Sayings))]
    public void A_sentence_saying_the_phrase_finds_it(string phrase, string text) =>
        Assert.Equal(phrase, Lexicon.MatchNormalized(text)?.Text);

    [Theory]
    [InlineData("57 % of articles remaining")]
    [InlineData("1.5% of this article")]
    [InlineData("our head office said it is in london")]
    [InlineData("a cookie jar")]
    [InlineData("the newsletter came")]
    public void Text_near_a_pattern_is_not_taken_for_it(string text) => Assert.Null(Lexicon.MatchNormalized(text));

    /// <summary>The generated pattern and the same pattern built at run time find the same matches.</summary>
    [Fact]
    public void Each_generated_pattern_matches_where_the_pattern_built_at_run_time_matches()
    {
        foreach (var phrase in Patterned())
        {
            var generated = phrase.Pattern!;
            var built = new Regex(generated.ToString(), RegexOptions.CultureInvariant);
            var pieces = Regex.Matches(generated.ToString(), @"\p{L}[\p{L}' ]*\p{L}").Select(m => m.Value)
                .Concat(["1", "57", "1,234", ".", ",", " ", "%", "x", "-", "'", "à", "é", "残り", "文字"])
                .Distinct().ToArray();
            Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 12].Select(string.Concat).Sample(
                text => Assert.Equal(Spans(built, text), Spans(generated, text)), iter: 500);
        }
    }

    private static IEnumerable<Phrase> Patterned() => Lexicon.Phrases.Where(p => p.Pattern is not null);

    private static List<(int, int)> Spans(Regex regex, string text)
    {
        var spans = new List<(int, int)>();
        foreach (var match in regex.EnumerateMatches(text))
        {
            spans.Add((match.Index, match.Length));
        }

        return spans;
    }
}
