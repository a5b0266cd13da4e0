namespace NewsIngest.Evaluation.Shingles;

/// <summary>
/// The multiset of 4-token shingles of a text: windows <c>tokens[i..i+4)</c> for i in 0..max(1, n−3)−1, so a text
/// of 1–3 tokens is one short shingle and an empty text has none.
/// </summary>
public sealed class ShingleBag
{
    /// <summary>Tokens per shingle in the published benchmark.</summary>
    public const int Size = 4;

    private ShingleBag(IReadOnlyDictionary<string, int> counts) => Counts = counts;

    /// <summary>How many times each shingle occurs; a key is its tokens joined by single spaces.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Builds the bag of <paramref name="text"/>.</summary>
    public static ShingleBag Of(string? text)
    {
        var tokens = ShingleTokenizer.Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count > 0)
        {
            var windows = Math.Max(1, tokens.Count - Size + 1);
            for (var i = 0; i < windows; i++)
            {
                // Tokens never hold a space, so joining by one keeps distinct shingles distinct.
                var key = string.Join(' ', tokens.Skip(i).Take(Size));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return new ShingleBag(counts);
    }
}
