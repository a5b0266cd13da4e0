namespace NewsIngest.Evaluation.Shingles;

/// <summary>
/// The article-body metric of the Zyte (scrapinghub) extraction benchmark: 4-token shingles compared as multisets,
/// page figures macro-averaged over the corpus.
/// </summary>
public static class ShingleMetric
{
    /// <summary>Scores one page's <paramref name="output"/> against its <paramref name="reference"/> text.</summary>
    public static ShingleScore Score(string? reference, string? output)
    {
        var expected = ShingleBag.Of(reference).Counts;
        var actual = ShingleBag.Of(output).Counts;
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var want = expected.GetValueOrDefault(key);
            var got = actual.GetValueOrDefault(key);
            tp += Math.Min(want, got);
            fp += Math.Max(0, got - want);
            fn += Math.Max(0, want - got);
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleScore(tp / sum, fp / sum, fn / sum) : new ShingleScore(0, 0, 0);
    }

    /// <summary>
    /// Corpus figures: P is the mean page precision over pages whose output had shingles, R the mean page recall
    /// over pages whose reference had shingles, F1 = 2PR / (P + R). A mean over no page is 0.
    /// </summary>
    public static (double Precision, double Recall, double F1) Aggregate(IEnumerable<ShingleScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.ToList();
        var precision = Mean(list.Where(p => p.CountsForPrecision).Select(p => p.Precision));
        var recall = Mean(list.Where(p => p.CountsForRecall).Select(p => p.Recall));
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
