using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Paywall;

/// <summary>One lexicon entry: a phrase (matched inside normalized text) or a pattern, its language and meaning.</summary>
internal sealed record Phrase(string Language, PhraseKind Kind, string Text, Regex? Pattern = null)
{
    /// <summary>The evidence name, e.g. <c>text:en:to-read-the-full-story</c>.</summary>
    public string Signal { get; } = $"text:{Language}:{Slug(Text)}";

    private static string Slug(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
