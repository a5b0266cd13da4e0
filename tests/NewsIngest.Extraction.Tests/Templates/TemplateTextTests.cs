using NewsIngest.Extraction.Templates;

namespace NewsIngest.Extraction.Tests.Templates;

/// <summary>The fold behind a block's fingerprint: case, digits, punctuation and white space do not tell blocks apart.</summary>
public sealed class TemplateTextTests
{
    [Theory]
    [InlineData("Updated 3 March 2026 – 10:41", "updated 0 march 0000 00 00")]
    [InlineData("  Sign up,\u00a0now!  ", "sign up now")]
    [InlineData("Über «uns»", "über uns")]
    public void Folds_case_digits_punctuation_and_white_space(string text, string folded)
    {
        Assert.Equal(folded, TemplateText.Fold(text));
    }

    [Fact]
    public void Texts_that_fold_alike_hash_alike_and_the_place_tells_them_apart()
    {
        Assert.Equal(TemplateText.Hash("Updated 3 March 2026", 7), TemplateText.Hash("updated, 4 march 2027", 7));
        Assert.NotEqual(TemplateText.Hash("Updated 3 March 2026", 7), TemplateText.Hash("Updated 3 March 2026", 8));
        Assert.NotEqual(TemplateText.Hash("Updated in March", 7), TemplateText.Hash("Updated in May", 7));
    }

    [Fact]
    public void Every_ascii_character_folds_as_the_unicode_rule_says()
    {
        for (var c = '\0'; c < 0x80; c++)
        {
            var text = $"a{c}b";
            var expected = char.IsLetter(c) ? $"a{char.ToLowerInvariant(c)}b" : char.IsDigit(c) ? "a0b" : "a b";
            Assert.Equal(expected, TemplateText.Fold(text));
        }
    }
}
