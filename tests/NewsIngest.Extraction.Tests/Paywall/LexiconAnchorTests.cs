using NewsIngest.Extraction.Paywall;

namespace NewsIngest.Extraction.Tests.Paywall;

/// <summary>
/// The lexicon's literal search runs only on text holding one of its anchor words: every literal phrase must hold
/// one, or a phrase added to the lexicon without one would never be found (the gate then switches itself off, and
/// this test says so).
/// </summary>
public sealed class LexiconAnchorTests
{
    [Fact]
    public void Every_ascii_phrase_holds_an_anchor_word() => Assert.True(Lexicon.AsciiAnchorsCoverAll);

    [Fact]
    public void Every_other_phrase_holds_an_anchor_word_or_letter() => Assert.True(Lexicon.OtherAnchorsCoverAll);

    [Fact]
    public void Each_literal_phrase_is_found_in_a_sentence_around_it()
    {
        foreach (var phrase in Lexicon.Phrases.Where(p => p.Pattern is null))
        {
            Assert.True(Lexicon.MatchNormalized($"yes. {phrase.Text} now") is not null, phrase.Text);
        }
    }
}
