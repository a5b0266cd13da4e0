using AngleSharp.Dom;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// A caption outside <c>&lt;figure&gt;</c>: a short line that shares a small box with an image ("div.image" holding
/// the <c>&lt;img&gt;</c>, its subtitle and its credit). A paragraph of the story sits in a container with much more
/// text, so the box test stops at the first ancestor that holds more than the line and a credit.
/// </summary>
internal static class ImageCaption
{
    /// <summary>Text the box may hold beyond the line itself: a credit, a "Vergrößern" button.</summary>
    private const int MaxOtherChars = 60;

    /// <summary>How far up from the line's own element the image may sit.</summary>
    private const int MaxLevels = 3;

    public static bool Holds(Block block)
    {
        var limit = CountVisibleChars(block.Text) + MaxOtherChars;
        var element = block.Element;
        for (var level = 0; element is not null && level < MaxLevels; level++, element = element.ParentElement)
        {
            if (element.LocalName is "body" or "main" or "article" || !TextFits(element, limit))
            {
                return false;
            }

            if (element.QuerySelector("img, picture, video") is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the element's text, scripts aside, has at most <paramref name="limit"/> non-space characters.</summary>
    private static bool TextFits(IElement element, int limit)
    {
        var count = 0;
        var pending = new Stack<INode>();
        pending.Push(element);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is IText text)
            {
                count += CountVisibleChars(text.Data);
                if (count > limit)
                {
                    return false;
                }
            }
            else if (node is not IElement { LocalName: "script" or "style" or "template" })
            {
                foreach (var child in node.ChildNodes)
                {
                    pending.Push(child);
                }
            }
        }

        return true;
    }

    private static int CountVisibleChars(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }
}
