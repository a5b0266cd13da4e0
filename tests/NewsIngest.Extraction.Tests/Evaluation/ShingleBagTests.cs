using NewsIngest.Evaluation.Shingles;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class ShingleBagTests
{
    [Fact]
    public void Takes_every_four_token_window()
    {
        var bag = ShingleBag.Of("a b c d e");

        Assert.Equal(new Dictionary<string, int> { ["a b c d"] = 1, ["b c d e"] = 1 }, bag.Counts);
    }

    [Theory]
    [InlineData("one", "one")]
    [InlineData("one two", "one two")]
    [InlineData("one, two; three", "one two three")]
    public void A_text_of_one_to_three_tokens_is_one_short_shingle(string text, string shingle)
    {
        Assert.Equal(new Dictionary<string, int> { [shingle] = 1 }, ShingleBag.Of(text).Counts);
    }

    [Fact]
    public void Exactly_four_tokens_make_one_shingle()
    {
        Assert.Equal(new Dictionary<string, int> { ["a b c d"] = 1 }, ShingleBag.Of("a b c d").Counts);
    }

    [Fact]
    public void Counts_repeated_shingles_as_a_multiset()
    {
        // Six tokens give three windows, all equal.
        Assert.Equal(new Dictionary<string, int> { ["x x x x"] = 3 }, ShingleBag.Of("x x x x x x").Counts);
    }

    [Fact]
    public void An_empty_text_has_no_shingle()
    {
        Assert.Empty(ShingleBag.Of("").Counts);
        Assert.Empty(ShingleBag.Of(" ... ").Counts);
    }
}
