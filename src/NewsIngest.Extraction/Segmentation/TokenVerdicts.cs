using System.Runtime.CompilerServices;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// What one lower-case class or id token means in each element vocabulary (<see cref="ElementVocabulary"/>): the four
/// vocabularies read through one <see cref="TokenSetIndex"/>, a small table that stays in cache. It replaced a
/// process-wide memo of tokens: over a stream of pages the memo grew to tens of thousands of tokens, and its lookups
/// missed the cache (0.075 of the parse in perf samples on the bench sets, against 0.029 for the index).
/// </summary>
internal static class TokenVerdicts
{
    private static readonly TokenSetIndex Vocabularies = new(
        ElementVocabulary.Hidden, ElementVocabulary.BodyContainer, ElementVocabulary.Chrome, ElementVocabulary.Wall);

    public static TokenVerdict Of(ReadOnlySpan<char> token)
    {
        var words = default(FourWords);
        Vocabularies.Match(token, words);
        return new TokenVerdict(words[0], words[1] is not null, words[2], words[3]);
    }

    /// <summary>One word per vocabulary, on the stack.</summary>
    [InlineArray(4)]
    private struct FourWords
    {
        private string? _word;
    }
}

/// <summary>One token's word in each vocabulary (null when silent), and whether it names an article container.</summary>
internal readonly record struct TokenVerdict(string? Hidden, bool BodyContainer, string? Chrome, string? Wall);
