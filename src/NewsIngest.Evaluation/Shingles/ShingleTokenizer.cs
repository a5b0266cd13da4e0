using System.Text.RegularExpressions;

namespace NewsIngest.Evaluation.Shingles;

/// <summary>
/// Splits text into the benchmark's tokens: maximal runs of letters, digits (Nd, Nl, No) and underscore, case kept.
/// This is Python's <c>\w</c>; .NET's <c>\w</c> would also take combining marks and connector punctuation.
/// </summary>
public static partial class ShingleTokenizer
{
    /// <summary>The tokens of <paramref name="text"/> in order; <c>null</c> gives none.</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = new List<string>();
        foreach (var match in Token().EnumerateMatches(text))
        {
            tokens.Add(text.Substring(match.Index, match.Length));
        }

        return tokens;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}\p{Nl}\p{No}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
