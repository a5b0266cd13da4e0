using System.Text;

namespace NewsIngest.Evaluation.Snippets;

/// <summary>
/// The snippet benchmark's <c>norm(s)</c>: every run of whitespace becomes one space, then the text is trimmed.
/// </summary>
public static class SnippetText
{
    /// <summary>Folds whitespace runs to one space and trims; <c>null</c> gives the empty string.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Python's <c>str.isspace</c>, which the published benchmark used: .NET's whitespace plus the information
    /// separators U+001C..U+001F, which .NET counts as control characters.
    /// </summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';
}
