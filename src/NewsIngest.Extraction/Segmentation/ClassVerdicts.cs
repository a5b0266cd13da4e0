namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The vocabulary verdicts for each distinct raw <c>class</c> + <c>id</c> pair met on one page, computed on first
/// use from the words of each value (<see cref="AttributeWords"/>). Lives for one page only, because the hidden-class
/// check depends on that page's style sheets.
/// </summary>
internal sealed class ClassVerdicts(HashSet<string> hiddenClasses)
{
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
        // Each vocabulary's first word in token order over "class id": the class's word, else the id's.
        var classWords = cls is null ? AttributeWords.None : AttributeWords.OfClass(cls);
        var idWords = id is null ? AttributeWords.None : AttributeWords.OfId(id);
        var chrome = classWords.BodyContainer || idWords.BodyContainer ? null : classWords.Chrome ?? idWords.Chrome;
        var hidden = classWords.Hidden ?? idWords.Hidden;
        if (hidden is null && chrome is null && classWords.Wall is null && idWords.Wall is null
            && (hiddenClasses.Count == 0 || cls is null))
        {
            return ClassVerdict.None;
        }

        return new ClassVerdict(
            hidden is not null && !classWords.Breakpoint && !idWords.Breakpoint ? hidden : HiddenByStyleSheet(cls),
            chrome,
            classWords.Wall ?? idWords.Wall);
    }

    /// <summary>The first class of <paramref name="cls"/> that the page's own style sheets hide, as a reason.</summary>
    private string? HiddenByStyleSheet(string? cls)
    {
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
}

/// <summary>What an element's class and id words say: hidden, chrome or wall reasons, each null when silent.</summary>
internal sealed record ClassVerdict(string? Hidden, string? Chrome, string? Wall)
{
    /// <summary>No class and no id: nothing to say.</summary>
    public static ClassVerdict None { get; } = new(null, null, null);
}
