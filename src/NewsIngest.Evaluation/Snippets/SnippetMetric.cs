namespace NewsIngest.Evaluation.Snippets;

/// <summary>
/// The snippet metric of trafilatura's benchmark: a snippet counts as found when its normalized form is a
/// case-sensitive substring of the normalized output.
/// </summary>
public static class SnippetMetric
{
    /// <summary>Scores one page; a <c>null</c> or empty <paramref name="output"/> finds nothing (TP = FP = 0).</summary>
    public static SnippetCounts Score(string? output, SnippetTruth truth) => Match(output, truth).Counts;

    /// <summary>Scores one page and names the <c>with</c> snippets it missed and the <c>without</c> snippets it leaked.</summary>
    public static SnippetMatch Match(string? output, SnippetTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var text = SnippetText.Normalize(output);
        var missed = truth.With.Where(s => !Contains(text, s)).ToList();
        var leaked = truth.Without.Where(s => Contains(text, s)).ToList();
        var counts = new SnippetCounts(
            truth.With.Count - missed.Count, leaked.Count, missed.Count, truth.Without.Count - leaked.Count);
        return new SnippetMatch(counts, missed, leaked);
    }

    // Ordinal: the benchmark compares code points, no culture or case folding. Empty output finds nothing.
    private static bool Contains(string normalizedOutput, string snippet) =>
        normalizedOutput.Length > 0 && normalizedOutput.Contains(SnippetText.Normalize(snippet), StringComparison.Ordinal);
}
