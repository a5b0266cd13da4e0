using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsIngest.Evaluation.Shingles;

/// <summary>
/// The text of a reference HTML fragment (readability's <c>expected.html</c>): text nodes in document order, with a
/// line break at block boundaries so that words of adjacent paragraphs never fuse into one token.
/// </summary>
public static class ReferenceText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head",
    };

    // Inline elements (a, b, span, em...) are absent on purpose: "<b>foo</b>bar" reads as one word.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "img", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>Reads the text of <paramref name="html"/>.</summary>
    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html ?? "");
        var builder = new StringBuilder(html?.Length / 2 ?? 0);
        if (document.Body is { } body)
        {
            Append(body, builder);
        }

        return builder.ToString().Trim();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    Append(element, builder);
                    if (block)
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }
}
