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
}
