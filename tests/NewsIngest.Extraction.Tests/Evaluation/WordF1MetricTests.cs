using NewsIngest.Evaluation.Words;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class WordF1MetricTests
{
    private const int Digits = 12;

    [Fact]
    public void Counts_the_multiset_overlap_of_lower_cased_words()
    {
        // Reference: the(2) cat sat on mat = 6 tokens. Output: The cat sat sat = 4 tokens; overlap the + cat + sat = 3.
        var score = WordF1Metric.Score("The cat sat on the mat.", "The CAT sat, sat");

        Assert.Equal(3.0 / 4.0, score.Precision, Digits);
        Assert.Equal(3.0 / 6.0, score.Recall, Digits);
        Assert.Equal(2 * 0.75 * 0.5 / 1.25, score.F1, Digits);
    }

    [Fact]
    public void Splits_words_like_pythons_word_class_so_punctuation_and_marks_separate_them()
    {
        // "don't" is two words, "e-mail" two, "über_alles" one; digits are words.
        var score = WordF1Metric.Score("don t e mail über_alles 2024", "Don't e-mail ÜBER_ALLES 2024");

        Assert.Equal(new WordScore(1, 1, 1), score);
    }

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("", "some output", 0.0)]
    [InlineData("a reference", "", 0.0)]
    [InlineData("a reference", null, 0.0)]
    [InlineData("   ", "...", 1.0)]
    public void Empty_sides_score_as_the_benchmark_says(string reference, string? output, double f1)
    {
        Assert.Equal(f1, WordF1Metric.Score(reference, output).F1);
    }

    [Fact]
    public void The_corpus_figure_is_the_mean_of_the_page_figures()
    {
        var corpus = WordF1Metric.Aggregate([new WordScore(1, 0.5, 0.6), new WordScore(0, 0, 0)]);

        Assert.Equal(new WordScore(0.5, 0.25, 0.3), corpus);
    }
}
