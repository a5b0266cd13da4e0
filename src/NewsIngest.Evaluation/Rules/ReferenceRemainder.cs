using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Evaluation.Rules;

/// <summary>
/// What of a page's reference body the output did not reproduce: the reference's word n-grams (n = 1..4, lower-cased
/// tokens as the metrics count them) minus the output's, as a multiset. A removed block's words are "kept by the
/// reference" when its n-grams draw on this remainder; each draw uses a copy up, so a block removed as a repeat of
/// text already in the output finds nothing left, and two removed copies of one reference sentence count it once.
/// </summary>
internal sealed class ReferenceRemainder
{
    private const int MaxN = 4;
    private readonly Dictionary<string, int>[] _left = new Dictionary<string, int>[MaxN + 1];

    public ReferenceRemainder(string? reference, string? output)
    {
        var want = Tokens(reference);
        var got = Tokens(output);
        for (var n = 1; n <= MaxN; n++)
        {
            var left = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var gram in Grams(want, n))
            {
                left[gram] = left.GetValueOrDefault(gram) + 1;
            }

            foreach (var gram in Grams(got, n))
            {
                if (left.TryGetValue(gram, out var count))
                {
                    left[gram] = count - 1;
                }
            }

            _left[n] = left;
        }
    }

    /// <summary>Counts <paramref name="text"/>'s words and how many of them the remainder holds, using those up.</summary>
    public (int Words, int Kept) Draw(string? text)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return (0, 0);
        }

        // Windows of four words (fewer for a short block): a word is kept when a window holding it is in the remainder.
        var n = Math.Min(MaxN, tokens.Count);
        var left = _left[n];
        var covered = new bool[tokens.Count];
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(' ', tokens.GetRange(i, n));
            if (left.TryGetValue(gram, out var count) && count > 0)
            {
                left[gram] = count - 1;
                Array.Fill(covered, true, i, n);
            }
        }

        return (tokens.Count, covered.Count(c => c));
    }

    private static List<string> Tokens(string? text) => [.. ShingleTokenizer.Tokenize(text?.ToLowerInvariant())];

    private static IEnumerable<string> Grams(List<string> tokens, int n)
    {
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            yield return string.Join(' ', tokens.GetRange(i, n));
        }
    }
}
