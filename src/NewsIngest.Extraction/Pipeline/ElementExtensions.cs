using AngleSharp.Dom;

namespace NewsIngest.Extraction.Pipeline;

/// <summary>Ancestor tests by walking parents: cheap at article depths, and never a subtree search.</summary>
internal static class ElementExtensions
{
    /// <summary>True when <paramref name="element"/> is <paramref name="container"/> or sits inside it.</summary>
    public static bool IsWithin(this IElement? element, IElement? container)
    {
        for (var e = element; e is not null && container is not null; e = e.ParentElement)
        {
            if (e == container)
            {
                return true;
            }
        }

        return false;
    }
}
