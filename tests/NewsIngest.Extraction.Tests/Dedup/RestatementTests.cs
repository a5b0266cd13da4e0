using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Dedup;

/// <summary>
/// Text that a page says twice on purpose: a summary box restating body sentences, a standfirst or description equal
/// to the first paragraph, recipe steps that repeat. None of them is a copy of the article, and the body stays whole.
/// </summary>
public sealed class RestatementTests
{
    private static readonly string[] Body =
    [
        "The city will close the old bridge for repairs from March, diverting traffic for at least eight months.",
        "Officials said inspectors found cracks in two of the main supports during a routine check last autumn.",
        "Buses will run on a temporary route through the harbour district while the work is under way.",
        "Shop owners near the bridge fear the closure will keep customers away during the busy summer season.",
        "The council promised a fund of two million euros to help businesses that lose trade because of the works.",
    ];

    private static string Paragraphs(IEnumerable<string> texts) => string.Concat(texts.Select(p => $"<p>{p}</p>"));

    [Fact]
    public void A_key_points_box_restating_the_opening_paragraphs_keeps_the_whole_body()
    {
        // Given a summary box whose bullets are the first two body paragraphs, word for word
        var html = Extract.Page(
            $"<article><h1>Bridge to close</h1><div class='summary-box'><h2>Key points</h2><ul><li>{Body[0]}</li><li>{Body[1]}</li></ul></div>" +
            $"<div class='story'>{Paragraphs(Body)}</div></article>");

        var record = Extract.Html(html);

        // Then every body paragraph is in the preview once, as a paragraph, and the page is not read as walled
        Assert.Equal(Body, record.Preview.Blocks.Where(b => b.Type == BlockType.Paragraph).Select(b => b.Text));
        Assert.Equal(1, record.PreviewTexts().Count(t => t == Body[0]));
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.DoesNotContain(record.Paywall.Signals, s => s.StartsWith("dup:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bullet_that_restates_the_first_sentence_of_a_body_paragraph_leaves_the_paragraph()
    {
        const string Longer = "Officials said inspectors found cracks in two of the main supports during a routine check last autumn. The report was published on Monday.";
        var html = Extract.Page(
            $"<article><h1>Bridge to close</h1><ul class='highlights'><li>{Body[1]}</li><li>{Body[3]}</li></ul>" +
            $"<p>{Body[0]}</p><p>{Longer}</p><p>{Body[2]}</p><p>{Body[3]}</p><p>{Body[4]}</p></article>");

        var record = Extract.Html(html);

        Assert.Contains(Longer, record.PreviewTexts());
        Assert.Contains(Body[3], record.PreviewTexts());
        Assert.Equal(0, record.Paywall.HiddenWords);
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
    }

    [Fact]
    public void A_first_paragraph_equal_to_the_meta_description_keeps_the_body_and_the_page_free()
    {
        var head = $"<meta name='description' content='{Body[0]}'><meta property='og:description' content='{Body[0]}'>";
        var html = Extract.Page($"<article><h1>Bridge to close</h1>{Paragraphs(Body)}</article>", head);

        var record = Extract.Html(html);

        Assert.Equal(Body, record.PreviewTexts().Prepend(record.Dek).Where(t => t is not null && Body.Contains(t)).Distinct());
        Assert.Equal(PaywallStatus.Free, record.Paywall.Status);
    }

    [Fact]
    public void A_standfirst_repeated_as_the_first_paragraph_is_shown_once_and_the_body_stays()
    {
        var html = Extract.Page(
            $"<article><h1>Bridge to close</h1><p class='standfirst'>{Body[0]}</p><div class='story'>{Paragraphs(Body)}</div></article>",
            $"<meta name='description' content='{Body[0]}'>");

        var record = Extract.Html(html);

        Assert.Equal(Body[0], record.Dek);
        Assert.Equal(Body, record.PreviewTexts());
        Assert.Equal(PaywallStatus.Free, record.Paywall.Status);
        Assert.Equal(0, record.Paywall.HiddenWords);
    }

    [Fact]
    public void Recipe_steps_that_repeat_are_not_duplicates()
    {
        var steps = new[] { "Whisk the eggs with the sugar.", "Stir well.", "Fold in the flour and a pinch of salt.", "Stir well.", "Pour into the tin and bake for forty minutes." };
        var html = Extract.Page(
            $"<article><h1>Sponge cake</h1>{Paragraphs(Body[..2])}<h2>Method</h2><ol>{string.Concat(steps.Select(s => $"<li>{s}</li>"))}</ol></article>");

        var record = Extract.Html(html);

        Assert.Equal(steps, record.Preview.Blocks.Where(b => b.Type == BlockType.ListItem).Select(b => b.Text));
        Assert.Equal(0, record.Removed.Duplicates);
    }

    [Fact]
    public void A_paragraph_said_twice_in_one_container_stays_twice()
    {
        // Given a body that says one paragraph twice: side by side, and again under a subheading
        var html = Extract.Page(
            $"<article><h1>Bridge to close</h1><p>{Body[0]}</p><p>{Body[0]}</p><h2>The plan</h2><p>{Body[1]}</p>"
            + $"<h2>The plan</h2><p>{Body[0]}</p></article>");

        var record = Extract.Html(html);

        // Then the preview is the page's text as it reads, nothing removed as a repeat
        Assert.Equal([Body[0], Body[0], "The plan", Body[1], "The plan", Body[0]], record.PreviewTexts());
        Assert.Equal(0, record.Removed.Duplicates);
    }
}
