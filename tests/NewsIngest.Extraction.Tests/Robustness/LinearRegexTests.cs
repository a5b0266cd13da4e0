using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Robustness;

/// <summary>
/// Every regex the extractor runs is linear in its input (the non-backtracking engine), so no page text can make a
/// pattern quadratic: the contact pattern once took 37 s on one paragraph with a 200,000-character token.
/// </summary>
public sealed class LinearRegexTests
{
    public static TheoryData<string> Patterns()
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
        Assert.True(ExtractionRegexes().Count() > 20);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_extraction_regex_uses_the_non_backtracking_engine(string name)
    {
        var regex = ExtractionRegexes().Single(r => r.Name == name).Regex;

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} can backtrack: {regex}");
    }

    [Fact]
    public void Every_lexicon_pattern_uses_the_non_backtracking_engine()
    {
        var patterns = NewsIngest.Extraction.Paywall.Lexicon.Phrases.Where(p => p.Pattern is not null).Select(p => p.Pattern!).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.Options.HasFlag(RegexOptions.NonBacktracking), p.ToString()));
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

    private static IEnumerable<(string Name, Regex Regex)> ExtractionRegexes() =>
        typeof(ExtractionPipeline).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsGenericMethod)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!));
}
