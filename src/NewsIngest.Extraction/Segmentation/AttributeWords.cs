using System.Buffers;
using System.Collections.Concurrent;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// What the tokens of one <c>class</c> or <c>id</c> value say in each vocabulary: each vocabulary's first word in
/// token order (with the dot the verdicts carry), whether a token names an article container, and whether the value
/// holds a utility-CSS breakpoint (<c>md:block</c>). Nothing here depends on the page, so a class value is read once
/// per process (<see cref="OfClass"/>): the same values ("col-md-6", "article__body") recur on every page of a site
/// and across sites, and reading one lower-cases it, splits it and looks up every token.
/// </summary>
internal readonly record struct AttributeWords(string? Hidden, string? Chrome, string? Wall, bool BodyContainer, bool Breakpoint)
{
    private const int MaxValues = 20_000;
    private const int MaxValueChars = 256;

    private static readonly string[] StateTokenPrefixes = ["has-", "with-", "no-", "show-", "enable-", "page-", "template-", "layout-", "js-"];

    /// <summary>Words found in one vocabulary, with the dot the verdicts carry: made once, not per judgement.</summary>
    private static readonly ConcurrentDictionary<string, string> DottedWords = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, AttributeWords> Classes = new(StringComparer.Ordinal);
    private static int _classCount;

    /// <summary>An absent value: no words.</summary>
    public static AttributeWords None => default;

    /// <summary>The words of a <c>class</c> value, memoised per process (bounded; past the bound, read directly).</summary>
    public static AttributeWords OfClass(string value)
    {
        if (Classes.TryGetValue(value, out var words))
        {
            return words;
        }

        words = Read(value, stateAll: false);
        if (value.Length <= MaxValueChars && Volatile.Read(ref _classCount) < MaxValues && Classes.TryAdd(value, words))
        {
            Interlocked.Increment(ref _classCount);
        }

        return words;
    }

    /// <summary>
    /// The words of an <c>id</c> value, read each time (ids are mostly unique). An id that is a slug of text
    /// (<see cref="IsSlug"/>) gives no chrome word.
    /// </summary>
    public static AttributeWords OfId(string value) => Read(value, stateAll: IsSlug(value));

    /// <summary>
    /// The value lower-cased into a scratch buffer, cut at spaces into parts and each part at the other separators into
    /// tokens. A part starting with a state prefix (<see cref="IsStateToken"/>), or every part when
    /// <paramref name="stateAll"/>, gives no chrome word.
    /// </summary>
    private static AttributeWords Read(string value, bool stateAll)
    {
        if (value.Length == 0)
        {
            return None;
        }

        var rented = value.Length > 256 ? ArrayPool<char>.Shared.Rent(value.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[256];
        var lower = buffer[..value.Length];
        value.AsSpan().ToLowerInvariant(lower);

        string? hidden = null, wall = null, chrome = null;
        var body = false;
        foreach (var partRange in lower.Split(' '))
        {
            var part = lower[partRange];
            var state = stateAll || IsStateToken(part);
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
        var breakpoint = lower.Contains(":block", StringComparison.Ordinal) || lower.Contains(":flex", StringComparison.Ordinal)
            || lower.Contains(":grid", StringComparison.Ordinal) || lower.Contains(":inline", StringComparison.Ordinal);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return new AttributeWords(Dotted(hidden), Dotted(chrome), Dotted(wall), body, breakpoint);
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

    private static string? Dotted(string? word) => word is null ? null : DottedWords.GetOrAdd(word, static w => "." + w);
}
