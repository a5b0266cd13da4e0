using NewsIngest.Extraction.Similarity;
using NewsIngest.Tests.Shared.NearDuplicates;

namespace NewsIngest.Extraction.Tests.Similarity;

public sealed class SimHashTests
{
    private static ulong Fingerprint(string text) => SimHash.OfText(text);

    [Fact]
    public void Near_copies_have_close_fingerprints_and_different_stories_distant_ones()
    {
        var story = StoryWriter.Render(new StoryWriter(5).Story(300));
        var words = story.Split(' ');
        words[100] = "changed";
        words[200] = "words";
        var edited = string.Join(' ', words);
        var other = StoryWriter.Render(new StoryWriter(6).Story(300));

        Assert.InRange(SimHash.Distance(Fingerprint(story), Fingerprint(edited)), 0, 10);
        Assert.InRange(SimHash.Distance(Fingerprint(story), Fingerprint(other)), 16, 64);
    }

    [Fact]
    public void The_fingerprint_ignores_case_punctuation_and_spacing()
    {
        Assert.Equal(Fingerprint("Rates rise, again: \u201Cfor now\u201D, said the bank."), Fingerprint("rates  RISE again for now said the BANK"));
    }

    [Fact]
    public void The_fingerprint_is_sixteen_hex_digits()
    {
        Assert.Equal("0000000000000000", SimHash.ToHex(Fingerprint("")));
        Assert.Matches("^[0-9a-f]{16}$", SimHash.ToHex(Fingerprint("one two three")));
    }

    [Fact]
    public void Shingles_of_a_short_text_are_one_shingle_and_of_a_long_one_distinct_and_sorted()
    {
        Assert.Single(WordShingles.Of(SimilarityTokens.Hash("one two three")));
        var shingles = WordShingles.Of(SimilarityTokens.Hash("a b c d e a b c d e a b c d e"));

        Assert.Equal(5, shingles.Length);
        Assert.Equal(shingles.Order(), shingles);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(510)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void The_fingerprint_is_the_majority_of_each_bit_over_the_shingles(int count)
    {
        var random = new Random(count);
        var shingles = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(uint.MaxValue + 1L)).Distinct().ToArray();

        Assert.Equal(BitByBit(shingles), SimHash.Of(shingles));
    }

    [Theory]
    [InlineData("")]
    [InlineData("one two")]
    [InlineData("a b c d e a b c d e a b c d e")]
    [InlineData("the bank said rates rise again and the bank said rates rise again, for now")]
    public void The_fingerprint_of_a_text_is_that_of_its_distinct_shingles(string text)
    {
        Assert.Equal(SimHash.Of(WordShingles.Of(SimilarityTokens.Hash(text))), Fingerprint(text));
    }

    [Fact]
    public void The_fingerprint_of_a_story_is_that_of_its_distinct_shingles()
    {
        var story = StoryWriter.Render(new StoryWriter(7).Story(2000));

        Assert.Equal(SimHash.Of(WordShingles.Of(SimilarityTokens.Hash(story))), Fingerprint(story));
    }

    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("a b c d e a b c d e a b c d e")]
    [InlineData("one two three four five six seven eight nine ten one two three four five six")]
    public void Distinct_shingles_are_the_set_that_Of_sorts(string text)
    {
        var tokens = SimilarityTokens.Hash(text);
        var distinct = new uint[WordShingles.MaxCount(tokens.Length)];
        var count = WordShingles.Distinct(tokens, distinct);

        Assert.Equal(WordShingles.Of(tokens), distinct[..count].Order());
    }

    /// <summary>Charikar's definition, one bit at a time: +1 where a shingle's spread bit is set, -1 where not.</summary>
    private static ulong BitByBit(uint[] shingles)
    {
        var weights = new int[64];
        foreach (var shingle in shingles)
        {
            var z = unchecked(shingle * 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            var bits = z ^ (z >> 31);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((bits >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            fingerprint |= weights[bit] > 0 ? 1UL << bit : 0;
        }

        return fingerprint;
    }
}
