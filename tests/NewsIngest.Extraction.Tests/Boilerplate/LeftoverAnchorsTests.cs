using NewsIngest.Extraction.Boilerplate;
using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Tests.Boilerplate;

public sealed class LeftoverAnchorsTests
{
    [Theory]
    [InlineData("Foto: Jane Doe / DPA", nameof(Anchored.Credit))]
    [InlineData("© 2026 The Example Times", nameof(Anchored.Credit))]
    [InlineData("Crédit : Jean Dupont", nameof(Anchored.Credit))]
    [InlineData("This post contains AFFILIATE links.", nameof(Anchored.Disclosure))]
    [InlineData("We rely on your support to keep going.", nameof(Anchored.PublisherAppeal))]
    [InlineData("Sign up to our newsletter for the week's best reads.", nameof(Anchored.NewsletterSignUp))]
    public void A_line_of_a_kind_holds_a_word_of_its_pattern(string text, string pattern)
    {
        Assert.True(LeftoverAnchors.InPreview(new Block(0, BlockType.Paragraph, text)).HasFlag(Enum.Parse<Anchored>(pattern)));
    }

    [Theory]
    [InlineData("Write to us: letters@example.org", nameof(Anchored.Contact))]
    [InlineData("Follow us on Mastodon", nameof(Anchored.SocialNetwork))]
    public void An_end_line_holds_a_word_of_its_pattern(string text, string pattern)
    {
        Assert.True(LeftoverAnchors.InEndMatter(new Block(0, BlockType.Paragraph, text)).HasFlag(Enum.Parse<Anchored>(pattern)));
    }

    [Fact]
    public void Prose_holds_no_pattern_word()
    {
        var block = new Block(0, BlockType.Paragraph, "The council voted on Tuesday to close the old bridge until repairs are finished next spring.");

        Assert.Equal(Anchored.None, LeftoverAnchors.InPreview(block) | LeftoverAnchors.InEndMatter(block));
    }

    [Fact]
    public void A_kelvin_sign_may_be_any_k_of_a_pattern_that_ignores_case()
    {
        // "\u212Aontakt" is read as "Kontakt" by a pattern that ignores case, but not by an ordinal search ignoring case.
        var block = new Block(0, BlockType.Paragraph, "Mehr im \u212Aontakt-Bereich");

        Assert.True(LeftoverAnchors.InEndMatter(block).HasFlag(Anchored.Contact));
        Assert.Matches(LeftoverPatterns.Contact(), "mit uns in \u212Aontakt");
    }

    [Fact]
    public void Long_blocks_are_not_searched()
    {
        var block = new Block(0, BlockType.Paragraph, string.Join(' ', Enumerable.Repeat("newsletter", LeftoverStage.MaxBioWords)));

        Assert.Equal(Anchored.None, LeftoverAnchors.InPreview(block) | LeftoverAnchors.InEndMatter(block));
    }
}
