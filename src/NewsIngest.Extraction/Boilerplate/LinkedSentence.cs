using AngleSharp.Dom;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// A sentence of the body whose words are mostly links ("Read the <a>full report</a>, the <a>summary</a> and
/// <a>the timetable</a>."): a paragraph of its own, <see cref="MinWords"/> words or more, ending as a sentence, not all
/// link, whose unlinked text between the links holds words of its own (a row of links has separators only, a linked
/// headline nothing). Such a paragraph is prose that links, not a list of links.
/// </summary>
internal static class LinkedSentence
{
    private const int MinWords = 15;

    private const double MaxLinkShare = 0.95;

    /// <summary>Words outside the links that join them into a sentence.</summary>
    private const int MinJoiningWords = 2;

    public static bool Holds(Block block)
    {
        if (block.Type != BlockType.Paragraph || block.WordCount < MinWords || block.LinkDensity > MaxLinkShare
            || block.Text[^1] is not ('.' or '!' or '?') || block.Element is not { LocalName: "p" } element)
        {
            return false;
        }

        var words = 0;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && words < MinJoiningWords)
        {
            foreach (var child in stack.Pop().ChildNodes)
            {
                if (child is IElement e)
                {
                    if (e.LocalName != "a")
                    {
                        stack.Push(e);
                    }
                }
                else if (child.NodeType == NodeType.Text)
                {
                    words += JoiningWords(child.TextContent);
                }
            }
        }

        return words >= MinJoiningWords;
    }

    private static int JoiningWords(string text)
    {
        var count = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Any(char.IsLetter))
            {
                count++;
            }
        }

        return count;
    }
}
