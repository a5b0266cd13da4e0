namespace NewsIngest.Evaluation.Snippets;

/// <summary>One page's snippet counts with the snippets behind its errors, for tuning the extractor.</summary>
/// <param name="Counts">TP, FP, FN and TN.</param>
/// <param name="Missed">The <c>with</c> snippets not found (false negatives), in annotation order.</param>
/// <param name="Leaked">The <c>without</c> snippets found (false positives), in annotation order.</param>
public sealed record SnippetMatch(SnippetCounts Counts, IReadOnlyList<string> Missed, IReadOnlyList<string> Leaked);
