namespace NewsIngest.Evaluation.Snippets;

/// <summary>
/// Snippet counts for one page or a whole corpus. Figures are computed on the sums (micro-averaged), as the
/// published benchmark does; a ratio with a zero denominator is 0.
/// </summary>
public readonly record struct SnippetCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Number of <c>with</c> snippets: TP + FN.</summary>
    public int With => TruePositives + FalseNegatives;

    /// <summary>Number of <c>without</c> snippets: FP + TN.</summary>
    public int Without => FalsePositives + TrueNegatives;

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>2TP / (2TP + FP + FN).</summary>
    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>Share of <c>without</c> snippets that leaked into the output: FP / (FP + TN).</summary>
    public double Leak => Ratio(FalsePositives, Without);

    public static SnippetCounts operator +(SnippetCounts left, SnippetCounts right) => new(
        left.TruePositives + right.TruePositives,
        left.FalsePositives + right.FalsePositives,
        left.FalseNegatives + right.FalseNegatives,
        left.TrueNegatives + right.TrueNegatives);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
