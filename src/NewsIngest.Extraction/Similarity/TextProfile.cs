namespace NewsIngest.Extraction.Similarity;

/// <summary>What the near-duplicate index keeps of one text: its word count, its exact key and its shingles.</summary>
public sealed record TextProfile(int Words, long TextKey, uint[] Shingles)
{
    public static TextProfile Of(string text)
    {
        var tokens = SimilarityTokens.Hash(text);
        return new TextProfile(tokens.Length, WordShingles.TextKey(tokens), WordShingles.Of(tokens));
    }
}
