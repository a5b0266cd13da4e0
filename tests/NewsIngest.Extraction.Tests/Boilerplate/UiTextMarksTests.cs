using NewsIngest.Extraction.Boilerplate;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>
/// The counter and meta-line patterns run only on text holding the characters they need (<see cref="UiTextMarks"/>):
/// each kind of meta line is still found through its marks, digits beyond ASCII included, and a short label with none
/// of them is no meta line.
/// </summary>
public sealed class UiTextMarksTests
{
    [Theory]
    [InlineData("5 min read")]
    [InlineData("٥ min read")]
    [InlineData("Lesezeit: 4 Minuten")]
    [InlineData("MNI (LONDON)")]
    [InlineData("(MNI) London")]
    [InlineData("Updated 12 March 2024")]
    [InlineData("2024-03-12")]
    [InlineData("Foto: dpa")]
    [InlineData("(REUTERS/Denis Balibouse)")]
    [InlineData("© Jane Doe")]
    [InlineData("--MNI Washington Bureau; +1 202 371 2121")]
    [InlineData("[TOPICS: M$U$$$,MMUFE$]")]
    public void Each_kind_of_meta_line_is_found_through_its_marks(string text) =>
        Assert.True(UiText.IsMetaLine(text, UiTextMarks.Of(text)));

    [Theory]
    [InlineData("Home")]
    [InlineData("Share on Facebook")]
    [InlineData("Reading time is short")]
    [InlineData("London - a city")]
    public void A_short_text_without_the_marks_is_no_meta_line(string text) =>
        Assert.False(UiText.IsMetaLine(text, UiTextMarks.Of(text)));

    [Fact]
    public void A_digit_beyond_ASCII_counts_as_a_digit() =>
        Assert.True(UiTextMarks.Of("صفحة ٣").Digit);

    [Fact]
    public void A_single_hyphen_is_no_wire_tail_mark() =>
        Assert.False(UiTextMarks.Of("well-known - indeed").DoubleHyphen);

    [Fact]
    public void A_word_counter_needs_its_digits() =>
        Assert.Equal(1203, UiText.WordCounter("1,203 Wörter", UiTextMarks.Of("1,203 Wörter")));

    [Theory]
    [InlineData("By Jane Doe and John Roe")]
    [InlineData("\u00a0 by Jane Doe and John Roe")]
    public void A_byline_is_read_past_leading_white_space_in_any_case(string text) =>
        Assert.Equal(["Jane Doe", "John Roe"], UiText.Byline(text) ?? []);

    [Fact]
    public void A_text_starting_with_another_letter_is_no_byline() =>
        Assert.Null(UiText.Byline("Jane Doe and John Roe"));
}
