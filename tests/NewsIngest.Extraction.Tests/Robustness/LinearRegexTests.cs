using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NewsIngest.Extraction.Tests.Support;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// No page text can make an extraction regex super-linear: the contact pattern once took 37 s on one paragraph with a
/// 200,000-character token. A pattern either runs on the non-backtracking engine (linear, built at first use) or is a
/// source-generated backtracking pattern written so that it cannot backtrack super-linearly, with the match timeout of
/// <see cref="RegexBudget"/> as the backstop; each of those is fed hostile text here (long runs of its own
/// characters and words) and must finish inside that timeout, which a quadratic pattern on these lengths overruns by
/// far (50,000 characters: over a billion steps, against some 50,000 for a linear one).
/// </summary>
[Collection(HostileInputsCollection.Name)]
public sealed class LinearRegexTests
{
    private const int HostileLength = 50_000;

    /// <summary>Text shaped against particular patterns' structure: what made them slow before they were rewritten.</summary>
    private static readonly string[] Shaped =
    [
        "getty images" + Spaces() + "x", "Foto" + Spaces() + "x", "(foto" + Spaces() + "x", "/" + Spaces() + "x",
        "updated" + Spaces() + "x", "lesezeit" + Spaces() + "x", "5" + Spaces() + "x", "pdf" + Spaces() + "x",
        "-- " + new string('-', HostileLength) + "x", new string('-', HostileLength), "AP" + Spaces() + "/" + Spaces() + "x",
        Repeat("app "), Repeat("download "), Repeat("ios app "), Repeat("a.b+"), Repeat("a@"), Repeat("1"), Repeat("1.1,"),
        "By " + Repeat("Ae"), "By " + Repeat("Ae ") + "1", "By " + Repeat("Ab, ") + "1", "By " + Repeat("Ab and ") + "1",
        Repeat("<p "), Repeat("newsletter "), Repeat("our "), Repeat("1 to 2 of "), Repeat("ich stimme "),
        Repeat("Warning: "), Repeat("MNI (LONDON "), "[ABC:" + Repeat("x"), Repeat("12:3"), Repeat("% of "),
    ];

    public static TheoryData<string> Backtracking()
    {
        var data = new TheoryData<string>();
        foreach (var (name, regex) in ExtractionRegexes().Where(r => !r.Regex.Options.HasFlag(RegexOptions.NonBacktracking)))
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in ExtractionRegexes())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_extractor_has_regexes_to_check()
    {
        Assert.True(ExtractionRegexes().Count() > 40);
        Assert.True(Backtracking().Count > 40);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_extraction_regex_is_non_backtracking_or_has_the_match_timeout(string name)
    {
        var regex = Find(name);

        Assert.True(
            regex.Options.HasFlag(RegexOptions.NonBacktracking)
                || regex.MatchTimeout == TimeSpan.FromMilliseconds(RegexBudget.MatchTimeoutMilliseconds),
            $"{name} can backtrack without a timeout: {regex}");
    }

    [Theory]
    [MemberData(nameof(Backtracking))]
    public void A_backtracking_pattern_finishes_on_hostile_text(string name)
    {
        var regex = Find(name);
        foreach (var text in HostileTexts(regex.ToString()))
        {
            // Throws RegexMatchTimeoutException past the budget: the test fails with the pattern and the text's start.
            var count = 0;
            foreach (var match in regex.EnumerateMatches(text))
            {
                count++;
            }

            Assert.True(count <= text.Length + 1, $"{name} on '{text[..Math.Min(40, text.Length)]}…'");
        }
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(300_000)]
    public void A_paragraph_with_a_long_token_keeps_its_text(int length)
    {
        var token = new string('a', length);
        var html = new StringBuilder("<html><body><article><h1>Budget vote</h1>");
        for (var i = 0; i < 4; i++)
        {
            html.Append("<p>The minister said on day ").Append(i).Append(" that parliament would vote on the budget plan before the summer recess.</p>");
        }

        html.Append("<p>Contact the desk ").Append(token).Append(" for more.</p></article></body></html>");

        var record = Extract.Html(html.ToString());

        Assert.Contains("parliament would vote", record.Preview.Text);
    }

    /// <summary>
    /// Runs of every character of the pattern (ending in one it cannot take), each word of it repeated, alone and
    /// before a run of spaces or letters, and the shaped texts.
    /// </summary>
    private static IEnumerable<string> HostileTexts(string pattern)
    {
        foreach (var c in pattern.Append(' ').Append('a').Append('1').Distinct())
        {
            yield return new string(c, HostileLength) + "\u0001";
        }

        foreach (var word in Regex.Matches(pattern, @"\p{L}[\p{L}' ]*\p{L}").Select(m => m.Value).Distinct())
        {
            yield return Repeat(word);
            yield return Repeat(word + " ");
            yield return word + Spaces() + "\u0001";
            yield return word + " " + new string('a', HostileLength) + "\u0001";
        }

        foreach (var text in Shaped)
        {
            yield return text;
        }
    }

    private static string Spaces() => new(' ', HostileLength);

    private static string Repeat(string unit)
    {
        var builder = new StringBuilder(HostileLength + unit.Length);
        while (builder.Length < HostileLength)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static Regex Find(string name) => ExtractionRegexes().Single(r => r.Name == name).Regex;

    /// <summary>Every regex of the extraction assembly: its static Regex methods and the lexicon's patterns.</summary>
    private static IEnumerable<(string Name, Regex Regex)> ExtractionRegexes() =>
        typeof(ExtractionPipeline).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsGenericMethod)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!))
            .Concat(NewsIngest.Extraction.Paywall.Lexicon.Phrases
                .Where(p => p.Pattern is not null)
                .Select(p => ($"Lexicon.{p.Signal}", p.Pattern!)));
}
