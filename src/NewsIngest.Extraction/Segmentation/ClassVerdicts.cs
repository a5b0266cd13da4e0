namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The vocabulary verdicts for each distinct raw <c>class</c> + <c>id</c> pair met on one page, computed on first
/// use. Lives for one page only, because the hidden-class check depends on that page's style sheets.
/// </summary>
internal sealed class ClassVerdicts(HashSet<string> hiddenClasses)
{
    private static readonly string[] StateTokenPrefixes = ["has-", "with-", "no-", "show-", "enable-", "page-", "template-", "layout-", "js-"];

    private readonly Dictionary<(string? Class, string? Id), ClassVerdict> _seen = [];

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
        var attributes = (cls is null ? id! : id is null ? cls : cls + " " + id).ToLowerInvariant();
        if (attributes.Length == 0)
        {
            return ClassVerdict.None;
        }

        return new ClassVerdict(
            HiddenWord(attributes, cls),
            ElementVocabulary.BodyContainer.FirstMatch(attributes) is not null ? null : Dotted(ElementVocabulary.Chrome.FirstMatch(WithoutStateTokens(attributes))),
            Dotted(ElementVocabulary.Wall.FirstMatch(attributes)));
    }

    private string? HiddenWord(string attributes, string? cls)
    {
        // Utility CSS ("hidden md:block") hides on small screens only.
        if (ElementVocabulary.Hidden.FirstMatch(attributes) is { } word && !attributes.Contains(":block", StringComparison.Ordinal)
            && !attributes.Contains(":flex", StringComparison.Ordinal) && !attributes.Contains(":grid", StringComparison.Ordinal)
            && !attributes.Contains(":inline", StringComparison.Ordinal))
        {
            return "." + word;
        }

        if (hiddenClasses.Count > 0 && cls is not null)
        {
            foreach (var token in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (hiddenClasses.Contains(token))
                {
                    return "css:." + token;
                }
            }
        }

        return null;
    }

    private static string? Dotted(string? word) => word is null ? null : "." + word;

    private static string WithoutStateTokens(string attributes)
    {
        if (!StateTokenPrefixes.Any(p => attributes.Contains(p, StringComparison.Ordinal)))
        {
            return attributes;
        }

        return string.Join(' ', attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !StateTokenPrefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal))));
    }
}

/// <summary>What an element's class and id words say: hidden, chrome or wall reasons, each null when silent.</summary>
internal sealed record ClassVerdict(string? Hidden, string? Chrome, string? Wall)
{
    /// <summary>No class and no id: nothing to say.</summary>
    public static ClassVerdict None { get; } = new(null, null, null);
}
