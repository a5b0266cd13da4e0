using System.Buffers;
using System.Collections.Concurrent;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The vocabulary verdicts for each distinct raw <c>class</c> + <c>id</c> pair met on one page, computed on first
/// use. Lives for one page only, because the hidden-class check depends on that page's style sheets.
/// </summary>
internal sealed class ClassVerdicts(HashSet<string> hiddenClasses)
{
    private static readonly string[] StateTokenPrefixes = ["has-", "with-", "no-", "show-", "enable-", "page-", "template-", "layout-", "js-"];

    /// <summary>Words found in one vocabulary, with the dot the verdicts carry: made once, not per judgement.</summary>
    private static readonly ConcurrentDictionary<string, string> DottedWords = new(StringComparer.Ordinal);

    // Sized for a typical news page's distinct class/id pairs, so the table does not grow several times per page.
    private readonly Dictionary<(string? Class, string? Id), ClassVerdict> _seen = new(256);

    /// <summary>The verdicts for an element's raw attribute values (null when the attribute is absent).</summary>
    public ClassVerdict For(string? cls, string? id)
    {
        if (cls is null && id is null)
        {
            return ClassVerdict.None;
        }

        if (!_seen.TryGetValue((cls, id), out var verdict))
        {
            verdict = Judge(cls, id);
            _seen.Add((cls, id), verdict);
        }

        return verdict;
    }

    private ClassVerdict Judge(string? cls, string? id)
    {
        // "class id", lower-cased into a scratch buffer rather than two new strings.
        var length = (cls?.Length ?? 0) + (id?.Length ?? 0) + (cls is not null && id is not null ? 1 : 0);
        if (length == 0)
        {
            return ClassVerdict.None;
        }

        var rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> buffer = rented ?? stackalloc char[256];
        var attributes = buffer[..length];
        var at = cls is null ? 0 : cls.AsSpan().ToLowerInvariant(attributes);
        if (cls is not null && id is not null)
        {
            attributes[at++] = ' ';
        }

        if (id is not null)
        {
            id.AsSpan().ToLowerInvariant(attributes[at..]);
        }

        // Each vocabulary's first word in token order, as TokenSet.FirstMatch would find it over the whole text. The
        // space-separated parts are split again at the other separators: the same tokens in the same order, with each
        // token's part known, so the chrome word (which skips state parts) comes from the same single lookup.
        string? hidden = null, wall = null, chrome = null;
        var body = false;
        var idStart = cls is null ? 0 : cls.Length + 1;
        var idIsSlug = id is not null && IsSlug(id);
        foreach (var partRange in attributes.Split(' '))
        {
            var part = attributes[partRange];
            var state = IsStateToken(part) || (idIsSlug && partRange.Start.Value >= idStart);
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

        var verdict = new ClassVerdict(
            HiddenWord(attributes, hidden, cls),
            body ? null : Dotted(chrome),
            Dotted(wall));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return verdict;
    }

    private string? HiddenWord(ReadOnlySpan<char> attributes, string? word, string? cls)
    {
        // Utility CSS ("hidden md:block") hides on small screens only.
        if (word is not null && !attributes.Contains(":block", StringComparison.Ordinal)
            && !attributes.Contains(":flex", StringComparison.Ordinal) && !attributes.Contains(":grid", StringComparison.Ordinal)
            && !attributes.Contains(":inline", StringComparison.Ordinal))
        {
            return Dotted(word);
        }

        if (hiddenClasses.Count > 0 && cls is not null)
        {
            var lookup = hiddenClasses.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var range in cls.AsSpan().Split(' '))
            {
                var token = cls.AsSpan(range);
                if (!token.IsEmpty && lookup.Contains(token))
                {
                    return "css:." + token.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>How many words an id needs to be a slug of text rather than the name of a part of the page.</summary>
    private const int SlugWords = 4;

    /// <summary>
    /// An id of four words or more ("sharing-with-a-single-developer") is an anchor made from a heading's text: its
    /// words say what the section is about, not what part of the page it is. Words of one letter and numbers do not
    /// count ("div-gpt-ad-1234-0" names an ad slot).
    /// </summary>
    private static bool IsSlug(string id)
    {
        var words = 0;
        foreach (var range in id.AsSpan().SplitAny("-_ "))
        {
            var token = id.AsSpan(range);
            if (token.Length >= 2 && char.IsLetter(token[0]) && char.IsLetter(token[^1]) && ++words >= SlugWords)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Dotted(string? word) => word is null ? null : DottedWords.GetOrAdd(word, static w => "." + w);

    /// <summary>
    /// A state token ("has-sidebar", "js-nav") describes the page's state, not the element: a space-separated part
    /// starting with a state prefix gives no chrome word (nor does an id that is a slug, <see cref="IsSlug"/>).
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

/// <summary>What an element's class and id words say: hidden, chrome or wall reasons, each null when silent.</summary>
internal sealed record ClassVerdict(string? Hidden, string? Chrome, string? Wall)
{
    /// <summary>No class and no id: nothing to say.</summary>
    public static ClassVerdict None { get; } = new(null, null, null);
}
