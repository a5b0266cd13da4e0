using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class SnippetMetricTests
{
    [Fact]
    public void Finds_a_snippet_when_output_and_snippet_differ_only_in_whitespace()
    {
        var truth = new SnippetTruth(["Die GEMA dreht\tvöllig"], []);

        var counts = SnippetMetric.Score("Intro.\n\nDie\u001FGEMA   dreht\nvöllig am Zeiger!", truth);

        Assert.Equal(new SnippetCounts(1, 0, 0, 0), counts);
    }

    [Fact]
    public void Matches_case_sensitively()
    {
        var truth = new SnippetTruth(["die gema"], ["IMPRESSUM"]);

        var counts = SnippetMetric.Score("Die GEMA dreht. Impressum", truth);

        Assert.Equal(new SnippetCounts(0, 0, 1, 1), counts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\u001C ")]
    public void Empty_output_finds_nothing_and_leaks_nothing(string? output)
    {
        var truth = new SnippetTruth(["one", "two", "three"], ["menu", "footer"]);

        var counts = SnippetMetric.Score(output, truth);

        Assert.Equal(new SnippetCounts(0, 0, 3, 2), counts);
    }

    [Fact]
    public void Counts_a_leaked_without_snippet_as_a_false_positive()
    {
        var truth = new SnippetTruth(["Body text"], ["Subscribe to read", "Cookie settings"]);

        var counts = SnippetMetric.Score("Body text here. Subscribe to read the rest.", truth);

        Assert.Equal(new SnippetCounts(1, 1, 0, 1), counts);
    }

    [Fact]
    public void Names_the_snippets_behind_each_miss_and_leak()
    {
        var truth = new SnippetTruth(["kept", "lost one", "lost two"], ["Menu", "Footer"]);

        var match = SnippetMetric.Match("kept text and the Menu", truth);

        Assert.Equal(["lost one", "lost two"], match.Missed);
        Assert.Equal(["Menu"], match.Leaked);
        Assert.Equal(new SnippetCounts(1, 1, 2, 1), match.Counts);
    }

    [Fact]
    public void Corpus_figures_are_computed_on_summed_counts()
    {
        // Page 1: 2 of 3 found, 1 of 2 leaked -> (2, 1, 1, 1). Page 2: 1 of 2 found, 0 of 3 leaked -> (1, 0, 1, 3).
        // Sum (3, 1, 2, 4): P = 3/4, R = 3/5, F1 = 6/9, leak = 1/5.
        var page1 = SnippetMetric.Score("a1 a2 b1", new SnippetTruth(["a1", "a2", "a3"], ["b1", "b2"]));
        var page2 = SnippetMetric.Score("c1", new SnippetTruth(["c1", "c2"], ["d1", "d2", "d3"]));

        var sum = page1 + page2;

        Assert.Equal(new SnippetCounts(3, 1, 2, 4), sum);
        Assert.Equal(0.75, sum.Precision, 12);
        Assert.Equal(0.6, sum.Recall, 12);
        Assert.Equal(6.0 / 9.0, sum.F1, 12);
        Assert.Equal(0.2, sum.Leak, 12);
    }

    [Fact]
    public void Ratios_with_nothing_to_count_are_zero()
    {
        var none = default(SnippetCounts);

        Assert.Equal((0.0, 0.0, 0.0, 0.0), (none.Precision, none.Recall, none.F1, none.Leak));
    }
}
