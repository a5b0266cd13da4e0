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

    /// <summary>Elements a box may hold before it counts as a section of the page, not a picture's box.</summary>
    private const int MaxNodes = 64;

    public static bool Holds(Block block)
    {
        var limit = CountVisibleChars(block.Text) + MaxOtherChars;
        var element = block.Element;
        for (var level = 0; element is not null && level < MaxLevels; level++, element = element.ParentElement)
        {
            if (element.LocalName is "body" or "main" or "article")
            {
                return false;
            }

            switch (Inspect(element, limit))
            {
                case Box.Crowded:
                    return false;
                case Box.WithMedia:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One walk of the element's subtree, without allocating: is its text (scripts aside) within
    /// <paramref name="limit"/> non-space characters, and does it hold an image or a video?
    /// </summary>
    private static Box Inspect(IElement root, int limit)
    {
        var chars = 0;
        var nodes = 0;
        var media = false;
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node is IText text)
            {
                chars += CountVisibleChars(text.Data);
                if (chars > limit)
                {
                    return Box.Crowded;
                }
            }
            else if (node is IElement element)
            {
                if (++nodes > MaxNodes)
                {
                    return Box.Crowded;
                }

                media |= element.LocalName is "img" or "picture" or "video";
                if (element.LocalName is not ("script" or "style" or "template") && element.FirstChild is { } child)
                {
                    node = child;
                    continue;
                }
            }

            while (node != root && node.NextSibling is null)
            {
                node = node.Parent!;
            }

            node = node == root ? null : node.NextSibling;
        }

        return media ? Box.WithMedia : Box.Plain;
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

    private enum Box
    {
        /// <summary>Fits, no image.</summary>
        Plain,

        /// <summary>Fits, with an image or video.</summary>
        WithMedia,

        /// <summary>More text or elements than a picture's box holds.</summary>
        Crowded,
    }
}
