using AngleSharp.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// Whether an element holds the page's article: a <c>&lt;main&gt;</c>, <c>[role=main]</c> or
/// <c>[itemprop=articleBody]</c>, or an <c>&lt;article&gt;</c> together with an <c>&lt;h1&gt;</c>. A boilerplate
/// verdict (a wrapper classed <c>gate-ad</c>, the page inside a <c>&lt;header&gt;</c> or a
/// <c>&lt;form method=post&gt;</c>) is wrong for such an element: it is the page, not a part of it. Teaser lists made of
/// <c>&lt;article&gt;</c> cards hold no headline of the page, so they stay what their class says. Without such markup,
/// an element that holds an <c>&lt;h1&gt;</c> and <see cref="MinBodyParagraphs"/> paragraphs of prose holds the
/// headline and its body (the whole article in an <c>&lt;aside&gt;</c>, a wrapper classed <c>ad-free-layout</c>).
/// </summary>
internal static class MainContentHolder
{
    /// <summary>Paragraphs of prose under the headline that make a body, not a box.</summary>
    private const int MinBodyParagraphs = 3;

    /// <summary>A paragraph of prose: a sentence or two at least.</summary>
    private const int MinProseChars = 100;

    /// <summary>Walks <paramref name="element"/>'s descendants without recursion, stopping at the first sign.</summary>
    public static bool Holds(IElement element)
    {
        var stack = new Stack<IElement>();
        stack.Push(element);
        bool article = false, headline = false;
        var paragraphs = 0;
        while (stack.Count > 0)
        {
            foreach (var child in stack.Pop().Children)
            {
                switch (child.LocalName)
                {
                    case "main":
                        return true;
                    case "article":
                        article = true;
                        break;
                    case "h1":
                        headline = true;
                        break;
                    case "p" when paragraphs < MinBodyParagraphs && child.TextContent.Length >= MinProseChars:
                        paragraphs++;
                        break;
                    case "script" or "style" or "svg" or "template":
                        continue;
                }

                if ((headline && (article || paragraphs >= MinBodyParagraphs)) || child.GetAttribute("itemprop") == "articleBody"
                    || string.Equals(child.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (child.ChildElementCount > 0)
                {
                    stack.Push(child);
                }
            }
        }

        return false;
    }
}
