using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class ShingleMetricTests
{
    private const int Digits = 12;

    [Fact]
    public void Identical_texts_score_one()
    {
        var score = ShingleMetric.Score("The cat sat on the mat.", "The  cat sat on the mat");

        Assert.Equal((1.0, 1.0), (score.Precision, score.Recall));
    }

    [Fact]
    public void Missing_tail_costs_recall_only()
    {
        // Reference shingles {abcd, bcde}, output {abcd}: tp 1, fp 0, fn 1, normalized by 2.
        var score = ShingleMetric.Score("a b c d e", "a b c d");

        Assert.Equal(new ShingleScore(0.5, 0, 0.5), score);
        Assert.Equal(1.0, score.Precision, Digits);
        Assert.Equal(0.5, score.Recall, Digits);
    }

    [Fact]
    public void Repeated_shingles_count_up_to_the_reference_count()
    {
        // Reference "x x x x x x" has 3 × "x x x x", output "x x x x x" has 2: tp 2, fn 1 (of 3).
        var fewer = ShingleMetric.Score("x x x x x x", "x x x x x");
        // Reference 1 ×, output 3 ×: tp 1, fp 2 (of 3).
        var more = ShingleMetric.Score("x x x x", "x x x x x x");

        Assert.Equal(1.0, fewer.Precision, Digits);
        Assert.Equal(2.0 / 3.0, fewer.Recall, Digits);
        Assert.Equal(1.0 / 3.0, more.Precision, Digits);
        Assert.Equal(1.0, more.Recall, Digits);
    }

    [Fact]
    public void Compares_tokens_case_sensitively()
    {
        var score = ShingleMetric.Score("The cat sat down", "the cat sat down");

        Assert.Equal((0.0, 0.0), (score.Precision, score.Recall));
    }

    [Fact]
    public void Short_texts_match_only_when_their_tokens_are_equal()
    {
        Assert.Equal(1.0, ShingleMetric.Score("Hello world", "Hello, world!").Recall);
        Assert.Equal(0.0, ShingleMetric.Score("Hello world", "Hello world again").Recall);
    }

    [Fact]
    public void Empty_output_scores_zero_and_stays_out_of_precision()
    {
        var score = ShingleMetric.Score("a b c d", "");

        Assert.False(score.CountsForPrecision);
        Assert.True(score.CountsForRecall);
        Assert.Equal((0.0, 0.0), (score.Precision, score.Recall));
    }

    [Fact]
    public void Empty_reference_and_empty_output_count_for_neither_mean()
    {
        var score = ShingleMetric.Score("", null);

        Assert.Equal(new ShingleScore(0, 0, 0), score);
        Assert.False(score.CountsForPrecision || score.CountsForRecall);
    }

    [Fact]
    public void Corpus_figures_are_means_of_page_figures()
    {
        // Pages: P 1 / R 0.5; empty output (out of P, R 0); P 1/3 / R 1.
        // P = mean(1, 1/3) = 2/3; R = mean(0.5, 0, 1) = 0.5; F1 = 2·(2/3)·(1/2) / (2/3 + 1/2) = 4/7.
        ShingleScore[] pages =
        [
            ShingleMetric.Score("a b c d e", "a b c d"),
            ShingleMetric.Score("a b c d", ""),
            ShingleMetric.Score("x x x x", "x x x x x x"),
        ];

        var (precision, recall, f1) = ShingleMetric.Aggregate(pages);

        Assert.Equal(2.0 / 3.0, precision, Digits);
        Assert.Equal(0.5, recall, Digits);
        Assert.Equal(4.0 / 7.0, f1, Digits);
    }

    [Fact]
    public void Adding_an_empty_output_lowers_recall_but_not_precision()
    {
        var good = ShingleMetric.Score("a b c d e", "a b c d e");
        var empty = ShingleMetric.Score("a b c d e", "");

        var alone = ShingleMetric.Aggregate([good]);
        var withEmpty = ShingleMetric.Aggregate([good, empty]);

        Assert.Equal(alone.Precision, withEmpty.Precision);
        Assert.Equal(0.5, withEmpty.Recall, Digits);
    }

    [Fact]
    public void A_corpus_with_no_page_to_average_scores_zero()
    {
        Assert.Equal((0.0, 0.0, 0.0), ShingleMetric.Aggregate([]));
    }
}
