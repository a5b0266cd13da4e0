using NewsIngest.Evaluation.Rules;

namespace NewsIngest.Extraction.Tests.Evaluation;

public sealed class ReferenceRemainderTests
{
    private const string Kept = "The council approved the new budget on Tuesday after a long debate.";
    private const string Lost = "Opposition members said the plan left the poorest districts without money.";

    [Fact]
    public void A_removed_block_the_reference_has_and_the_output_lacks_is_article_text()
    {
        var remainder = new ReferenceRemainder(Kept + "\n" + Lost, Kept);

        Assert.Equal((11, 11), remainder.Draw(Lost));
    }

    [Fact]
    public void A_removed_repeat_of_emitted_text_and_text_foreign_to_the_reference_are_not()
    {
        var remainder = new ReferenceRemainder(Kept + "\n" + Lost, Kept);

        Assert.Equal((12, 0), remainder.Draw(Kept));
        Assert.Equal((5, 0), remainder.Draw("Sign up for our newsletter"));
    }

    [Fact]
    public void Two_removed_copies_of_one_reference_sentence_count_it_once_and_case_does_not_matter()
    {
        var remainder = new ReferenceRemainder(Lost, "");

        Assert.Equal((11, 11), remainder.Draw(Lost.ToUpperInvariant()));
        Assert.Equal((11, 0), remainder.Draw(Lost));
    }

    [Fact]
    public void A_short_block_is_matched_as_a_whole_and_a_partly_kept_block_counts_the_words_in_kept_windows()
    {
        var remainder = new ReferenceRemainder("Final standings after round three was over, we left the hall", "");

        Assert.Equal((2, 2), remainder.Draw("Final standings"));
        Assert.Equal((9, 7), remainder.Draw("Share this: after round three was over, we left"));
    }
}
