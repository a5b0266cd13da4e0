using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Shingles;
using NewsIngest.Evaluation.Snippets;
using NewsIngest.Evaluation.Words;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>Sums page results into corpus figures with the metric of the corpus kind.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report of <paramref name="results"/>, which are in corpus order.</summary>
    public static EvaluationReport Build(
        Corpus corpus, EvaluationOptions options, IReadOnlyList<PageResult> results, TimeSpan wall)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);

        // Unreadable pages have no score: the caller treats them as a broken corpus, so they stay out of the figures.
        var scored = results.Where(r => r.Outcome != PageOutcome.Unreadable).ToList();
        double precision, recall, f1;
        SnippetCounts? totals = null;
        int? precisionPages = null, recallPages = null;
        if (corpus.Kind == CorpusKind.Snippets)
        {
            var sum = scored.Aggregate(default(SnippetCounts), (acc, r) => acc + (r.Snippets ?? default));
            (precision, recall, f1, totals) = (sum.Precision, sum.Recall, sum.F1, sum);
        }
        else
        {
            var scores = scored.Select(r => r.Shingles ?? default).ToList();
            (precision, recall, f1) = ShingleMetric.Aggregate(scores);
            precisionPages = scores.Count(s => s.CountsForPrecision);
            recallPages = scores.Count(s => s.CountsForRecall);
        }

        var wordPages = scored.Where(r => r.Words is not null).Select(r => r.Words!.Value).ToList();
        return new EvaluationReport
        {
            Corpus = corpus.Directory,
            Kind = corpus.Kind,
            Pages = results.Count,
            Extracted = results.Count(r => r.Outcome == PageOutcome.Extracted),
            Rejected = results.Count(r => r.Outcome == PageOutcome.Rejected),
            Crashed = results.Count(r => r.Outcome == PageOutcome.Crashed),
            Unreadable = results.Count(r => r.Outcome == PageOutcome.Unreadable),
            Precision = precision,
            Recall = recall,
            F1 = f1,
            Snippets = totals,
            PrecisionPages = precisionPages,
            RecallPages = recallPages,
            Words = wordPages.Count > 0 ? WordF1Metric.Aggregate(wordPages) : null,
            ExtractionTime = results.Aggregate(TimeSpan.Zero, (acc, r) => acc + r.ExtractionTime),
            WallTime = wall,
            Parallelism = options.Parallelism,
            Worst = scored
                .OrderBy(r => r.Score)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .Take(options.Worst)
                .ToList(),
            Failures = results
                .Where(r => r.Outcome != PageOutcome.Extracted)
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
