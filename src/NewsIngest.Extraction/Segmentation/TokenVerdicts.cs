using System.Collections.Concurrent;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// What one lower-case class or id token means in each element vocabulary (<see cref="ElementVocabulary"/>), looked
/// up once per process: the same few thousand tokens ("col", "item", "article__body") recur on every page, and
/// matching one against the four vocabularies costs a dozen hash and substring tests. The memo is bounded; past the
/// bound, tokens are matched directly.
/// </summary>
internal static class TokenVerdicts
{
    private const int MaxTokens = 50_000;
    private const int MaxTokenChars = 64;

    private static readonly ConcurrentDictionary<string, TokenVerdict> Memo = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TokenVerdict>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Memo.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    public static TokenVerdict Of(ReadOnlySpan<char> token)
    {
        if (BySpan.TryGetValue(token, out var verdict))
        {
            return verdict;
        }

        verdict = new TokenVerdict(
            ElementVocabulary.Hidden.FirstMatch(token),
            ElementVocabulary.BodyContainer.FirstMatch(token) is not null,
            ElementVocabulary.Chrome.FirstMatch(token),
            ElementVocabulary.Wall.FirstMatch(token));
        if (token.Length <= MaxTokenChars && Volatile.Read(ref _count) < MaxTokens && BySpan.TryAdd(token, verdict))
        {
            Interlocked.Increment(ref _count);
        }

        return verdict;
    }
}

/// <summary>One token's word in each vocabulary (null when silent), and whether it names an article container.</summary>
internal readonly record struct TokenVerdict(string? Hidden, bool BodyContainer, string? Chrome, string? Wall);
