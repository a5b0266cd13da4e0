using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Text;

/// <summary>
/// A regular expression with the literal words one of which every match of it contains: a text without any of them
/// cannot match, and one vectorised multi-string search (<see cref="SearchValues{T}"/>) says so far faster than the
/// expression's own scan. The words are searched ignoring case when the expression ignores case.
/// </summary>
internal sealed class GatedPattern
{
    /// <summary>
    /// The Kelvin sign is the one character that an expression ignoring case reads as an ASCII letter (k) and an
    /// ordinal search ignoring case does not: a text holding it is matched without the words' search.
    /// </summary>
    private const char KelvinSign = '\u212A';

    private readonly Regex _pattern;
    private readonly bool _ignoreCase;

    /// <summary>The words of two characters or more (ASCII, so the search stays vectorised).</summary>
    private readonly SearchValues<string> _words;

    /// <summary>Words of one character (a sign without case, such as ©): in a search of their own, as one would make the words' search slow.</summary>
    private readonly SearchValues<char>? _marks;

    public GatedPattern(Regex pattern, params string[] words)
    {
        _pattern = pattern;
        _ignoreCase = pattern.Options.HasFlag(RegexOptions.IgnoreCase);
        var longer = words.Where(w => w.Length > 1).ToArray();
        var marks = words.Where(w => w.Length == 1).Select(w => w[0]).ToArray();
        if (longer.Any(w => !Ascii.IsValid(w)) || marks.Any(c => char.ToUpperInvariant(c) != char.ToLowerInvariant(c)))
        {
            throw new ArgumentException("Words of several characters are ASCII, and words of one have no case.", nameof(words));
        }

        _words = SearchValues.Create(longer, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        _marks = marks.Length > 0 ? SearchValues.Create(marks) : null;
    }

    /// <summary>Whether <paramref name="text"/> holds one of the words, so that the expression may match it.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        text.ContainsAny(_words) || (_marks is not null && text.ContainsAny(_marks)) || (_ignoreCase && text.Contains(KelvinSign));

    public bool IsMatch(string text) => MayMatch(text) && _pattern.IsMatch(text);
}
