using AngleSharp.Dom;

namespace NewsIngest.Extraction.Templates;

/// <summary>
/// A block's coarse place in the page: the tag names of its element and of the nearest ancestors, without classes,
/// ids or positions, which change with A/B tests and with the number of paragraphs before the block.
/// </summary>
internal static class DomPath
{
    /// <summary>How many ancestors above the block's element the path names.</summary>
    public const int Ancestors = 4;

    /// <summary>The seed for a block without an element (text input): text alone identifies it.</summary>
    public const ulong NoElement = 0x5445_5854;

    /// <summary>The path's hash, used as the seed of the block's text hash, so text and place make one fingerprint.</summary>
    public static ulong Of(IElement? element)
    {
        if (element is null)
        {
            return NoElement;
        }

        // FNV-1a over the local names: a handful of short ASCII names, no allocation.
        var hash = 14695981039346656037UL;
        var e = element;
        for (var level = 0; level <= Ancestors && e is not null; level++, e = e.ParentElement)
        {
            foreach (var c in e.LocalName)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ '>') * 1099511628211UL;
        }

        return hash;
    }
}
