using System.Buffers;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// What the tokens of one raw <c>class</c> or <c>id</c> value say, before the two are combined: each vocabulary's
/// first word in token order, whether a token names an article container, and whether the value carries
/// responsive-display utility classes (<c>md:block</c>). The value is lower-cased and cut at spaces, then at the other
/// separators, as <see cref="ClassVerdicts"/> reads "class id": a space-separated part never spans the two values, so
/// the verdict for the pair is the class's words, then the id's.
/// </summary>
internal readonly record struct AttributeWords(string? Hidden, string? Wall, string? Chrome, bool BodyContainer, bool Responsive)
{
    private static readonly string[] StateTokenPrefixes = ["has-", "with-", "no-", "show-", "enable-", "page-", "template-", "layout-", "js-"];

    /// <summary>The class's words, then the id's where the class says nothing.</summary>
    public AttributeWords Then(in AttributeWords id) => new(
        Hidden ?? id.Hidden,
        Wall ?? id.Wall,
        Chrome ?? id.Chrome,
        BodyContainer || id.BodyContainer,
        Responsive || id.Responsive);

    public static AttributeWords Of(string value)
    {
        var rented = value.Length > 256 ? ArrayPool<char>.Shared.Rent(value.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[256];
        var attribute = buffer[..value.Length];
        value.AsSpan().ToLowerInvariant(attribute);

        // The chrome word skips state parts, so each token's part is known and one lookup serves every vocabulary.
        string? hidden = null, wall = null, chrome = null;
        var body = false;
        foreach (var partRange in attribute.Split(' '))
        {
            var part = attribute[partRange];
            var state = IsStateToken(part);
            foreach (var range in part.SplitAny(TokenSet.Separators))
            {
                var token = part[range];
                if (!token.IsEmpty)
                {
                    var words = TokenVerdicts.Of(token);
                    hidden ??= words.Hidden;
                    wall ??= words.Wall;
                    body |= words.BodyContainer;
                    chrome ??= state ? null : words.Chrome;
                }
            }
        }

        // Utility CSS ("hidden md:block") hides on small screens only.
        var responsive = attribute.Contains(":block", StringComparison.Ordinal) || attribute.Contains(":flex", StringComparison.Ordinal)
            || attribute.Contains(":grid", StringComparison.Ordinal) || attribute.Contains(":inline", StringComparison.Ordinal);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return new AttributeWords(hidden, wall, chrome, body, responsive);
    }

    /// <summary>
    /// A state token ("has-sidebar", "js-nav") describes the page's state, not the element: a space-separated part
    /// starting with a state prefix gives no chrome word.
    /// </summary>
    private static bool IsStateToken(ReadOnlySpan<char> part)
    {
        foreach (var prefix in StateTokenPrefixes)
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
