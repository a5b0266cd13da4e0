namespace NewsIngest.Evaluation.Words;

/// <summary>One page's bag-of-words match against its reference body (WCXB's metric).</summary>
/// <param name="Precision">Overlap / output tokens.</param>
/// <param name="Recall">Overlap / reference tokens.</param>
/// <param name="F1">2PR / (P + R); 0 when both are 0.</param>
public readonly record struct WordScore(double Precision, double Recall, double F1);
