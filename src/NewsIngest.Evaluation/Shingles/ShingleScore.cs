namespace NewsIngest.Evaluation.Shingles;

/// <summary>
/// One page's shingle match: TP, FP and FN divided by their sum (when it is above zero) so that every page weighs
/// the same, with the page precision and recall rules of the published benchmark.
/// </summary>
public readonly record struct ShingleScore(double TruePositives, double FalsePositives, double FalseNegatives)
{
    /// <summary>Whether this page enters the corpus precision: the output had shingles (TP + FP &gt; 0).</summary>
    public bool CountsForPrecision => TruePositives + FalsePositives > 0;

    /// <summary>Whether this page enters the corpus recall: the reference had shingles (TP + FN &gt; 0).</summary>
    public bool CountsForRecall => TruePositives + FalseNegatives > 0;

    /// <summary>1 when FP = FN = 0, 0 when TP = FP = 0, else TP / (TP + FP).</summary>
    public double Precision => FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalsePositives == 0 ? 0
        : TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 when FP = FN = 0, 0 when TP = FN = 0, else TP / (TP + FN).</summary>
    public double Recall => FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalseNegatives == 0 ? 0
        : TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The page's own 2PR / (P + R), used to rank the worst pages; 0 when P + R = 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
