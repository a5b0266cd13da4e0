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

    /// <summary>
    /// Walks <paramref name="element"/>'s descendants without recursion, stopping at the first sign. It runs once per
    /// outermost boilerplate element, over a large share of a page's tree, so it reads the child lists by index and
    /// each element's attributes in one pass (<c>Children</c>, <c>ChildElementCount</c> and <c>GetAttribute</c> each
    /// walk or allocate again), and measures a paragraph's text without building it.
    /// </summary>
    public static bool Holds(IElement element)
    {
        var stack = new Stack<INodeList>();
        var inner = new Stack<(INodeList, int)>();
        stack.Push(((INode)element).ChildNodes);
        bool article = false, headline = false;
        var paragraphs = 0;
        while (stack.Count > 0)
        {
            var children = stack.Pop();
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement child)
                {
                    continue;
                }

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
                    case "p" when paragraphs < MinBodyParagraphs && TextReaches(child, MinProseChars, inner):
                        paragraphs++;
                        break;
                    case "script" or "style" or "svg" or "template":
                        continue;
                }

                if ((headline && (article || paragraphs >= MinBodyParagraphs)) || MarksMain(child))
                {
                    return true;
                }

                var grandchildren = ((INode)child).ChildNodes;
                if (grandchildren.Length > 0)
                {
                    stack.Push(grandchildren);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>[itemprop=articleBody]</c> or <c>[role=main]</c> (any case), each read from the attribute's first occurrence,
    /// as <c>GetAttribute</c> reads it.
    /// </summary>
    private static bool MarksMain(IElement element)
    {
        var attributes = element.Attributes;
        bool itemProp = false, role = false;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i];
            if (attribute is null)
            {
                continue;
            }

            if (!itemProp && attribute.Name == "itemprop")
            {
                if (attribute.Value == "articleBody")
                {
                    return true;
                }

                itemProp = true;
            }
            else if (!role && attribute.Name == "role")
            {
                if (string.Equals(attribute.Value, "main", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                role = true;
            }
        }

        return false;
    }

    /// <summary>Whether the element's text content (its descendant text nodes) has at least <paramref name="chars"/> characters.</summary>
    private static bool TextReaches(IElement element, int chars, Stack<(INodeList, int)> stack)
    {
        stack.Clear();
        var length = 0;
        var nodes = ((INode)element).ChildNodes;
        var next = 0;
        while (true)
        {
            if (next == nodes.Length)
            {
                if (stack.Count == 0)
                {
                    return false;
                }

                (nodes, next) = stack.Pop();
                continue;
            }

            var node = nodes[next++];
            if (node is IText text)
            {
                length += text.Data.Length;
                if (length >= chars)
                {
                    return true;
                }
            }
            else if (node.ChildNodes is { Length: > 0 } inner)
            {
                stack.Push((nodes, next));
                (nodes, next) = (inner, 0);
            }
        }
    }
}
