using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CsCheck;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Tests.Performance;

/// <summary>The brace scan that cuts style sheets into rules finds the classes the rule regex found, on any sheet.</summary>
public sealed partial class StyleSheetFastPathTests
{
    private static readonly string[] Pieces =
    [
        ".a", ".b-c", "#id", "div", ".x .y", ",", " ", "\n", "{", "}", "{", "}", "display:none", "display: none",
        "visibility:hidden", "color:red", ";", "@media screen", "@import x;", "/*", "*/", "hidden", "none", ".d",
        "@", "@a", "@-x ", "/",
    ];

    [Fact]
    public void Hidden_classes_are_those_the_rule_regex_found()
    {
        var sheet = Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(picks => string.Concat(picks.Select(p => Pieces[p])));
        var parser = new HtmlParser();
        sheet.Sample(css =>
        {
            var document = parser.ParseDocument("<html><head><style>" + css + "</style></head><body></body></html>");
            var actual = StyleSheetScanner.HiddenClasses(document, int.MaxValue).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Reference(css), actual);
        }, iter: 5000);
    }

    /// <summary>The scan as it was written before: comments and @-blocks removed, then one regex match per rule.</summary>
    private static List<string> Reference(string css)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        if (css.Contains("none", StringComparison.OrdinalIgnoreCase) || css.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        {
            var flat = AtBlock().Replace(Comment().Replace(css, ""), "");
            foreach (Match rule in Rule().Matches(flat))
            {
                var brace = rule.Value.IndexOf('{', StringComparison.Ordinal);
                if (!ElementTraits.HidesByStyle(rule.Value.AsSpan()[(brace + 1)..^1]))
                {
                    continue;
                }

                foreach (var selector in rule.Value[..brace].Split(','))
                {
                    var trimmed = selector.Trim();
                    if (SingleClass().IsMatch(trimmed))
                    {
                        classes.Add(trimmed[1..]);
                    }
                }
            }
        }

        return classes.Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"@[a-z-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", RegexOptions.IgnoreCase)]
    private static partial Regex AtBlock();

    [GeneratedRegex(@"[^{}]+\{[^{}]*\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\.[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SingleClass();
}
