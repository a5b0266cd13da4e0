using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Suites;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class KeepRuleTests
{
    private static readonly SuiteBaseline Before = new(new Dictionary<string, double>
    {
        ["a"] = 0.90,
        ["b"] = 0.80,
        ["c"] = 0.70,
    });

    [Fact]
    public void A_change_that_helps_and_hurts_no_corpus_is_kept()
    {
        var verdict = KeepRule.Judge(Before, Report(("a", 0.91), ("b", 0.80), ("c", 0.705)));

        Assert.True(verdict.Keep, string.Join("; ", verdict.Problems));
        Assert.Equal(0.80, verdict.MacroBefore, 12);
    }

    [Fact]
    public void A_change_with_no_gain_is_not_kept()
    {
        var verdict = KeepRule.Judge(Before, Report(("a", 0.90), ("b", 0.80), ("c", 0.70)));

        Assert.False(verdict.Keep);
        Assert.Contains("the macro average does not rise", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_that_costs_one_corpus_more_than_the_allowed_drop_is_not_kept_whatever_the_gain()
    {
        var verdict = KeepRule.Judge(Before, Report(("a", 0.95), ("b", 0.797), ("c", 0.70)));

        Assert.False(verdict.Keep);
        Assert.Contains("b falls by 0.0030", verdict.Problems);
    }

    [Fact]
    public void A_gain_carried_by_one_corpus_while_the_others_lose_is_not_kept()
    {
        // Within the allowed drop on b and c, but leaving a out the macro average falls.
        var verdict = KeepRule.Judge(Before, Report(("a", 0.95), ("b", 0.799), ("c", 0.699)));

        Assert.False(verdict.Keep);
        Assert.Contains(verdict.Problems, p => p.StartsWith("without a the macro average falls", StringComparison.Ordinal));
    }

    private static SuiteReport Report(params (string Name, double Score)[] corpora) => new()
    {
        Directory = "suite",
        Corpora = corpora.Select(c => new EvaluationReport
        {
            Corpus = Path.Combine("suite", c.Name),
            Kind = CorpusKind.Shingles,
            Pages = 1,
            Extracted = 1,
            Rejected = 0,
            Crashed = 0,
            Unreadable = 0,
            Precision = c.Score,
            Recall = c.Score,
            F1 = c.Score,
            ExtractionTime = TimeSpan.FromSeconds(1),
            WallTime = TimeSpan.FromSeconds(1),
            Parallelism = 1,
            Worst = [],
            Failures = [],
        }).ToList(),
    };
}
