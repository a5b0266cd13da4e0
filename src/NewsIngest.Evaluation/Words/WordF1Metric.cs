using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Evaluation.Words;

/// <summary>
/// The WCXB benchmark's word F1: Python's <c>\w+</c> tokens of the lower-cased text, their multiset overlap o,
/// p = o / |output|, r = o / |reference|. An empty reference scores 1 against an empty output and 0 otherwise; an
/// empty output scores 0. The corpus figure is the mean of the page figures.
/// </summary>
public static class WordF1Metric
{
    /// <summary>Scores one page's <paramref name="output"/> against its <paramref name="reference"/> body.</summary>
    public static WordScore Score(string? reference, string? output)
    {
        var want = Count(reference);
        var got = Count(output);
        var wantTotal = want.Values.Sum();
        var gotTotal = got.Values.Sum();
        if (wantTotal == 0)
        {
            return gotTotal == 0 ? new WordScore(1, 1, 1) : new WordScore(0, 0, 0);
        }

        if (gotTotal == 0)
        {
            return new WordScore(0, 0, 0);
        }

        var overlap = 0;
        foreach (var (token, count) in got)
        {
            overlap += Math.Min(count, want.GetValueOrDefault(token));
        }

        var precision = (double)overlap / gotTotal;
        var recall = (double)overlap / wantTotal;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new WordScore(precision, recall, f1);
    }

    /// <summary>Corpus figures: the means of page precision, recall and F1 over all pages (0 for none).</summary>
    public static WordScore Aggregate(IEnumerable<WordScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.ToList();
        return list.Count == 0
            ? new WordScore(0, 0, 0)
            : new WordScore(list.Average(p => p.Precision), list.Average(p => p.Recall), list.Average(p => p.F1));
    }

    /// <summary>The lower-cased tokens of <paramref name="text"/> with their counts.</summary>
    public static Dictionary<string, int> Count(string? text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Lower-case first, as the benchmark does (text.lower() before re.findall).
        foreach (var token in ShingleTokenizer.Tokenize(text?.ToLowerInvariant()))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }
}
