using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Suites;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class SuiteFloorsTests
{
    private static readonly Suite Suite = new("suite",
    [
        new Corpus(Path.Combine("suite", "snip"), CorpusKind.Snippets, []),
        new Corpus(Path.Combine("suite", "shin"), CorpusKind.Shingles, []),
    ]);

    [Theory]
    [InlineData("snip=1.5", "the value must be a number between 0 and 1")]
    [InlineData("snip=x", "the value must be a number between 0 and 1")]
    [InlineData("=0.5", "takes NAME=X")]
    public void A_bad_floor_is_a_usage_error(string spec, string problem)
    {
        Assert.Null(SuiteFloors.Parse([spec], [], out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_macro_average_takes_a_floor_but_no_leak_ceiling()
    {
        Assert.NotNull(SuiteFloors.Parse(["macro=0.9"], [], out _));
        Assert.Null(SuiteFloors.Parse([], ["macro=0.1"], out var error));
        Assert.Contains("--max-leak takes NAME=X", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_must_be_corpora_of_the_suite_and_leaks_belong_to_snippet_corpora()
    {
        Assert.Contains("no corpus named 'other'", SuiteFloors.Parse(["other=0.5"], [], out _)!.Validate(Suite), StringComparison.Ordinal);
        Assert.Contains("'shin' is a shingle corpus", SuiteFloors.Parse([], ["shin=0.1"], out _)!.Validate(Suite), StringComparison.Ordinal);
        Assert.Null(SuiteFloors.Parse(["snip=0.5", "0.4"], ["snip=0.1"], out _)!.Validate(Suite));
    }
}
