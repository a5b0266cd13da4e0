namespace NewsIngest.Evaluation.Rules;

/// <summary>What one rule removed: blocks, words, and the words of them the reference body keeps.</summary>
public sealed record RuleRemovals(int Blocks, int Words, int Kept)
{
    public static RuleRemovals None { get; } = new(0, 0, 0);

    /// <summary>The share of the removed words that are article text by the reference (0 when nothing was removed).</summary>
    public double KeptShare => Words == 0 ? 0 : (double)Kept / Words;

    public RuleRemovals Add(RuleRemovals other) => new(Blocks + other.Blocks, Words + other.Words, Kept + other.Kept);
}
