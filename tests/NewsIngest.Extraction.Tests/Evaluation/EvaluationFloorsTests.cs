using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class EvaluationFloorsTests
{
    // TP 3, FP 1, FN 2, TN 4: F1 = 6/9 ≈ 0.667, leak = 1/5 = 0.2.
    private static readonly EvaluationReport Report = new()
    {
        Corpus = "c",
        Kind = CorpusKind.Snippets,
        Pages = 2,
        Extracted = 2,
        Rejected = 0,
        Crashed = 0,
        Unreadable = 0,
        Precision = 0.75,
        Recall = 0.6,
        F1 = 6.0 / 9.0,
        Snippets = new SnippetCounts(3, 1, 2, 4),
        ExtractionTime = TimeSpan.FromSeconds(1),
        WallTime = TimeSpan.FromSeconds(1),
        Parallelism = 1,
        Worst = [],
        Failures = [],
    };

    [Fact]
    public void Holds_when_every_figure_is_on_the_right_side_of_its_floor()
    {
        Assert.Null(new EvaluationFloors(MinF1: 0.66, MaxLeak: 0.2).Check(Report));
    }

    [Fact]
    public void Names_every_floor_that_fails_on_one_line()
    {
        var message = new EvaluationFloors(MinF1: 0.7, MaxLeak: 0.1).Check(Report);

        Assert.Equal("F1 0.6667 is below --min-f1 0.7; leak 0.2000 is above --max-leak 0.1", message);
    }

    [Theory]
    [InlineData(1.5, null, "--min-f1 must be between 0 and 1")]
    [InlineData(null, -0.1, "--max-leak must be between 0 and 1")]
    public void Refuses_floors_outside_zero_to_one(double? minF1, double? maxLeak, string problem)
    {
        Assert.StartsWith(problem, new EvaluationFloors(minF1, maxLeak).Validate(CorpusKind.Snippets), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_leak_floor_on_a_shingle_corpus()
    {
        Assert.Contains("needs a snippet corpus", new EvaluationFloors(MaxLeak: 0.1).Validate(CorpusKind.Shingles), StringComparison.Ordinal);
        Assert.Null(new EvaluationFloors(MinF1: 0.9).Validate(CorpusKind.Shingles));
    }
}
