using System.Collections.Concurrent;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The vocabulary verdicts for each distinct raw <c>class</c> + <c>id</c> pair met on one page, computed on first
/// use. Lives for one page only, because the hidden-class check depends on that page's style sheets.
/// </summary>
internal sealed class ClassVerdicts(HashSet<string> hiddenClasses)
{
    /// <summary>Words found in one vocabulary, with the dot the verdicts carry: made once, not per judgement.</summary>
    private static readonly ConcurrentDictionary<string, string> DottedWords = new(StringComparer.Ordinal);

    // Sized for a typical news page's distinct class/id pairs, so the table does not grow several times per page.
    private readonly Dictionary<(string? Class, string? Id), ClassVerdict> _seen = new(256);

    /// <summary>The words of each distinct raw class or id value on the page.</summary>
    private readonly Dictionary<string, AttributeWords> _words = new(256);

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
        if ((cls?.Length ?? 0) + (id?.Length ?? 0) + (cls is not null && id is not null ? 1 : 0) == 0)
        {
            return ClassVerdict.None;
        }

        // The same class value recurs with many ids (and ids are mostly unique): words are read per value, then joined.
        var words = cls is null ? WordsOf(id!) : id is null ? WordsOf(cls) : WordsOf(cls).Then(WordsOf(id));
        return new ClassVerdict(
            HiddenWord(words, cls),
            words.BodyContainer ? null : Dotted(words.Chrome),
            Dotted(words.Wall));
    }

    private AttributeWords WordsOf(string value)
    {
        if (!_words.TryGetValue(value, out var words))
        {
            words = AttributeWords.Of(value);
            _words.Add(value, words);
        }

        return words;
    }

    private string? HiddenWord(in AttributeWords words, string? cls)
    {
        if (words.Hidden is not null && !words.Responsive)
        {
            return Dotted(words.Hidden);
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

    private static string? Dotted(string? word) => word is null ? null : DottedWords.GetOrAdd(word, static w => "." + w);
}

/// <summary>What an element's class and id words say: hidden, chrome or wall reasons, each null when silent.</summary>
internal sealed record ClassVerdict(string? Hidden, string? Chrome, string? Wall)
{
    /// <summary>No class and no id: nothing to say.</summary>
    public static ClassVerdict None { get; } = new(null, null, null);
}
