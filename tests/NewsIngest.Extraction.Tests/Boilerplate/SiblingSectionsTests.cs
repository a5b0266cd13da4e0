using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>A body split over sibling containers is one article: every part of it is kept.</summary>
public sealed class SiblingSectionsTests
{
    private const string Ad = "<div class='ad-slot'><span>Advertisement</span></div>";

    private static readonly string[] Topics =
    [
        "the new ferry timetable", "the winter crews", "the fares for residents", "the evening boats",
        "the harbour works", "the island councils",
    ];

    private static string Paragraph(int section, int n) =>
        $"Part {section + 1}, paragraph {n + 1}: the harbour authority explained {Topics[section]} to the residents, "
        + "and the operator answered questions about crossings, crews and costs for almost an hour.";

    private static string Section(int k) =>
        $"<section class='block'><h2>About {Topics[k]}</h2>"
        + string.Concat(Enumerable.Range(0, 3).Select(n => $"<p>{Paragraph(k, n)}</p>")) + "</section>";

    private static IEnumerable<string> All => Enumerable.Range(0, 6).SelectMany(k => Enumerable.Range(0, 3).Select(n => Paragraph(k, n)));

    [Fact]
    public void Six_page_builder_sections_in_their_own_row_and_column_with_ad_slots_between_give_all_18_paragraphs()
    {
        var page = Extract.Page(
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><h1>The ferry plan</h1>"
            + string.Join(Ad, Enumerable.Range(0, 6).Select(k => $"<div class='row'><div class='col'>{Section(k)}</div></div>"))
            + "<footer>Contact the newsroom</footer>");

        var record = Extract.Html(page);

        Assert.Equal(All, record.PreviewTexts().Where(t => t.StartsWith("Part ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Six_sibling_sections_with_ad_slots_between_them_in_an_article_give_all_18_paragraphs()
    {
        var page = Extract.Page($"<main><article><h1>The ferry plan</h1>{string.Join(Ad, Enumerable.Range(0, 6).Select(Section))}</article></main>");

        var record = Extract.Html(page);

        Assert.Equal(All, record.PreviewTexts().Where(t => t.StartsWith("Part ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Liveblog_posts_as_sibling_divs_are_all_kept()
    {
        var posts = Enumerable.Range(0, 6).Select(k => Paragraph(k, 0)).ToList();
        var page = Extract.Page(
            "<main><h1>Live: the ferry plan</h1><div class='live'>"
            + string.Concat(posts.Select((p, k) => $"<div class='post'><time>10:{k:00}</time><p>{p}</p></div>")) + "</div></main>");

        var record = Extract.Html(page);

        Assert.Equal(posts, record.PreviewTexts().Where(t => t.StartsWith("Part ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_different_container_beside_the_wrapped_body_stays_out()
    {
        const string Promo = "Our newsroom is funded by readers like you, and every contribution, big or small, keeps the harbour reporting free.";
        var page = Extract.Page(
            "<h1>The ferry plan</h1>"
            + string.Join(Ad, Enumerable.Range(0, 2).Select(k => $"<div class='row'><div class='col'>{Section(k)}</div></div>"))
            + $"<div class='promo'><p>{Promo}</p><a href='/give'>Give</a></div>");

        var record = Extract.Html(page);

        Assert.DoesNotContain(Promo, record.PreviewTexts());
    }
    [Fact]
    public void Sections_each_wrapped_five_deep_with_classes_of_their_own_give_the_whole_body()
    {
        // Given a page builder's body: each section (a heading and paragraphs) in five wrappers, classed with the
        // section's own id, and one section holding a long list that scores best on its own.
        var steps = Enumerable.Range(0, 4).Select(n =>
            $"Step {n + 1}: check the timetable, the fares for residents and the crews on duty, then write to the harbour office with questions, since the answers will shape the plan for next winter.").ToList();
        static string Wrapped(int k, string inner) =>
            $"<section class='sec sec-{k}1f'><div class='box box-{k}2e'><div class='grid'><div class='col col-{k}3d'><div>{inner}</div></div></div></div></section>";
        var sections = Enumerable.Range(0, 6).Select(k =>
            Wrapped(k, $"<h2>About {Topics[k]}</h2>" + (k == 3
                ? $"<ul>{string.Concat(steps.Select(t => $"<li>{t}</li>"))}</ul>"
                : string.Concat(Enumerable.Range(0, 2).Select(n => $"<p>{Paragraph(k, n)}</p>")))));
        var page = Extract.Page(
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><h1>The ferry plan</h1>"
            + $"<div class='page'><div class='content'>{string.Concat(sections)}</div></div><footer>Contact the newsroom</footer>");

        var record = Extract.Html(page);

        var expected = Enumerable.Range(0, 6).Where(k => k != 3).SelectMany(k => Enumerable.Range(0, 2).Select(n => Paragraph(k, n)));
        Assert.Equal(expected, record.PreviewTexts().Where(t => t.StartsWith("Part ", StringComparison.Ordinal)));
        Assert.Equal(steps, record.PreviewTexts().Where(t => t.StartsWith("Step ", StringComparison.Ordinal)));
        // The first section's heading, right under the headline, is read as the dek, and opens the preview as it.
        Assert.Equal($"About {Topics[0]}", record.Dek);
        Assert.Equal(Topics.Select(t => $"About {t}"), record.PreviewTexts().Where(t => t.StartsWith("About ", StringComparison.Ordinal)));
    }
}
