using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Dedup;

public sealed class DeduplicatorTests
{
    private const string Teaser = "Central bank officials signalled on Tuesday that further cuts are likely before the summer, according to people familiar.";
    private const string Second = "Markets moved quickly to price in a June move, with two-year yields falling to their lowest level since March.";

    [Theory]
    [InlineData("Central bank officials signalled on Tuesday that further cuts are likely before the summer, according to people familiar.")]
    [InlineData("  Central\u00a0bank officials signalled on Tuesday that further cuts are likely before the summer,   according to people familiar. ")]
    [InlineData("CENTRAL BANK OFFICIALS SIGNALLED ON TUESDAY THAT FURTHER CUTS ARE LIKELY BEFORE THE SUMMER, ACCORDING TO PEOPLE FAMILIAR.")]
    [InlineData("• Central bank officials signalled on Tuesday that further cuts are likely before the summer, according to people familiar.")]
    public void A_repeat_is_kept_once_whatever_its_spacing_case_or_bullet(string copy)
    {
        // The copy stands in a container of its own (a second rendering of the text); said again in the same
        // container, a paragraph stays (RestatementTests).
        var record = Extract.Html(Extract.Page($"<article><div><p>{Teaser}</p><p>{Second}</p></div><div><p>{copy}</p></div></article>"));

        Assert.Equal([Teaser, Second], record.PreviewTexts());
        Assert.Equal(1, record.Removed.Duplicates);
    }

    [Fact]
    public void Curly_and_straight_quotes_and_dashes_compare_equal()
    {
        var straight = "The minister said \"we will act\" - and markets listened closely to every single word she said.";
        var curly = "The minister said “we will act” – and markets listened closely to every single word she said.";

        var record = Extract.Html(Extract.Page($"<article><div><p>{straight}</p><p>{Second}</p></div><div><p>{curly}</p></div></article>"));

        Assert.Equal([straight, Second], record.PreviewTexts());
    }

    [Fact]
    public void A_repeated_teaser_that_goes_on_neither_duplicates_nor_leaks_its_continuation()
    {
        // Given a teaser, then (no wall) a second, longer copy of the body in the same page
        var html = Extract.Page(
            $"<article><div class='teaser'><p>{Teaser}</p><p>{Second}</p></div>" +
            $"<div class='full'><p>{Teaser}</p><p>{Second}</p><p>The secret third paragraph goes on with what subscribers read next.</p></div></article>");

        var record = Extract.Html(html);

        Assert.Equal([Teaser, Second], record.PreviewTexts());
        Assert.DoesNotContain("secret third", record.Preview.Text);
        Assert.True(record.Paywall.HiddenWords > 5);
        Assert.Contains(record.Paywall.Signals, s => s.StartsWith("dup:teaser-repeated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_repeated_as_a_paragraph_is_not_a_teaser_copy_and_the_article_after_it_stays()
    {
        // Given a press release whose title comes again as the first line of the body
        var html = Extract.Page(
            "<article><h2>Faster permits now!</h2><div class='body'><p>Faster permits now!</p>" +
            $"<p>{Teaser}</p><p>{Second}</p></div></article>");

        var record = Extract.Html(html);

        Assert.Equal(["Faster permits now!", Teaser, Second], record.PreviewTexts());
        Assert.DoesNotContain(record.Paywall.Signals, s => s.StartsWith("dup:teaser-repeated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_standfirst_repeated_at_the_start_of_a_longer_paragraph_does_not_drop_the_article()
    {
        // Given an interview whose standfirst opens the first paragraph again, then goes on
        const string Standfirst = "A refugee on his life during the pandemic";
        var html = Extract.Page(
            $"<article><div class='body'><p>{Standfirst}</p><p>{Standfirst} in Italy and in Hamburg, told in his own words.</p>" +
            $"<p>{Teaser}</p><p>{Second}</p></div></article>");

        var record = Extract.Html(html);

        Assert.Contains(Teaser, record.PreviewTexts());
        Assert.Contains(Second, record.PreviewTexts());
    }

    [Fact]
    public void A_copy_that_merges_the_teaser_with_more_text_is_dropped()
    {
        var html = Extract.Page($"<article><p>{Teaser}</p><p>{Second}</p><p>{Teaser} And then a continuation that only subscribers should see.</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([Teaser, Second], record.PreviewTexts());
        Assert.DoesNotContain("continuation", record.Preview.Text);
    }

    [Fact]
    public void Interleaved_repeats_are_caught_not_only_adjacent_ones()
    {
        var html = Extract.Page($"<article><p>{Teaser}</p><p>{Second}</p><p>{Teaser}</p><p>{Second}</p></article>");

        Assert.Equal([Teaser, Second], Extract.Html(html).PreviewTexts());
    }

    [Fact]
    public void Extraction_is_deterministic_across_runs()
    {
        var html = Extract.Page($"<article><p>{Teaser}</p><p>{Second}</p><p>{Teaser}</p></article>");

        var first = Extract.Html(html);
        var second = Extract.Html(html);

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.PreviewTexts(), second.PreviewTexts());
    }
}
