using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// All text a page ships (markup stripped, entities decoded, white space collapsed), hidden or not. Used to check the
/// test data itself: a phrase a test expects or forbids must really be on the page, or the test proves nothing.
/// </summary>
internal static partial class PageText
{
    public static string Of(SamplePage page)
    {
        var content = page.ReadContent();
        if (page.IsText)
        {
            return Collapse(content);
        }

        var document = new HtmlParser().ParseDocument(content);
        var scripts = document.QuerySelectorAll("script").Select(script => script.TextContent);
        return Collapse(string.Join(" ", [document.Body?.TextContent ?? "", .. scripts]));
    }

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
