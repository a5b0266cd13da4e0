namespace NewsIngest.Evaluation.Snippets;

/// <summary>
/// The snippet metric of trafilatura's benchmark: a snippet counts as found when its normalized form is a
/// case-sensitive substring of the normalized output.
/// </summary>
public static class SnippetMetric
{
    /// <summary>Scores one page; a <c>null</c> or empty <paramref name="output"/> finds nothing (TP = FP = 0).</summary>
    public static SnippetCounts Score(string? output, SnippetTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var text = SnippetText.Normalize(output);
        var found = CountFound(text, truth.With);
        var leaked = CountFound(text, truth.Without);
        return new SnippetCounts(found, leaked, truth.With.Count - found, truth.Without.Count - leaked);
    }

    private static int CountFound(string normalizedOutput, IReadOnlyList<string> snippets)
    {
        if (normalizedOutput.Length == 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var snippet in snippets)
        {
            // Ordinal: the benchmark compares code points, no culture or case folding.
            if (normalizedOutput.Contains(SnippetText.Normalize(snippet), StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
