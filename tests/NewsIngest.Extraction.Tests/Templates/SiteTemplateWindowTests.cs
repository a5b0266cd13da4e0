using NewsIngest.Extraction.Templates;

namespace NewsIngest.Extraction.Tests.Templates;

/// <summary>
/// The site template model: a block is the template's once five distinct pages are known and at least half of them
/// (and three or more) carry it; the window counts the last 50 distinct pages; the same pages in any order give the
/// same model.
/// </summary>
public sealed class SiteTemplateWindowTests
{
    private const ulong Footer = 1, Promo = 2;

    [Fact]
    public void A_block_on_half_of_five_or_more_pages_is_the_template()
    {
        var window = Window(Enumerable.Range(0, 6).Select(i => Page(i, i < 3 ? [Footer, 100 + (ulong)i] : [200 + (ulong)i])));

        var model = window.Snapshot();

        Assert.True(model.IsWarm);
        Assert.Equal([Footer], model.Blocks);
    }

    [Fact]
    public void Four_pages_are_not_enough_to_know_a_template()
    {
        var model = Window(Enumerable.Range(0, 4).Select(i => Page(i, [Footer, 100 + (ulong)i]))).Snapshot();

        Assert.False(model.IsWarm);
        Assert.Empty(model.Blocks);
    }

    [Fact]
    public void A_block_on_fewer_than_half_the_pages_or_fewer_than_three_is_not_the_template()
    {
        var pages = Enumerable.Range(0, 7).Select(i => Page(i, i < 3 ? [Footer, 100 + (ulong)i] : i < 5 ? [Promo, 100 + (ulong)i] : [100 + (ulong)i]));

        Assert.Empty(Window(pages).Snapshot().Blocks);
        Assert.Empty(Window(Enumerable.Range(0, 5).Select(i => Page(i, i < 2 ? [Promo, 100 + (ulong)i] : [100 + (ulong)i]))).Snapshot().Blocks);
    }

    [Fact]
    public void The_window_counts_only_the_last_fifty_distinct_pages()
    {
        // Given 50 pages with a promo, then 50 without: the promo has left with the pages that carried it.
        var window = Window(Enumerable.Range(0, 100).Select(i => Page(i, i < 50 ? [Promo, Footer, 100 + (ulong)i] : [Footer, 100 + (ulong)i])));

        var model = window.Snapshot();

        Assert.Equal(50, model.Pages);
        Assert.Equal([Footer], model.Blocks);
        Assert.Equal("https://news.example/50", window.Pages.First().PageKey);
    }

    [Fact]
    public void Pages_with_the_same_content_count_once()
    {
        var window = Window(Enumerable.Range(0, 6).Select(i => Page(i, [Footer])));

        Assert.Equal(1, window.Count);
        Assert.False(window.Snapshot().IsWarm);
    }

    [Fact]
    public void A_page_counts_once_under_its_key_and_once_for_its_content()
    {
        var window = new SiteTemplateWindow("news.example");
        Assert.True(window.Observe(Page(1, [Footer])));

        Assert.False(window.Observe(Page(1, [Footer])));
        Assert.False(window.Observe(SiteTemplateWindow.Sample("https://news.example/amp/1", [Footer])));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void A_page_that_changed_replaces_its_entry()
    {
        var window = Window([Page(1, [Promo]), Page(2, [Footer])]);

        window.Observe(Page(1, [Footer, Promo]));

        Assert.Equal(2, window.Count);
        Assert.Equal(["https://news.example/2", "https://news.example/1"], window.Pages.Select(p => p.PageKey));
        Assert.All(window.Pages, p => Assert.Contains(Footer, p.Blocks));
    }

    [Fact]
    public void A_page_changed_into_another_pages_content_leaves_the_window_as_it_is()
    {
        var window = Window([Page(1, [Promo]), Page(2, [Footer])]);

        Assert.False(window.Admits(Page(1, [Footer])));
        Assert.False(window.Observe(Page(1, [Footer])));

        Assert.Equal(["https://news.example/1", "https://news.example/2"], window.Pages.Select(p => p.PageKey));
        Assert.Equal([Promo], window.Pages.First().Blocks);
    }

    [Fact]
    public void The_same_pages_in_any_order_give_the_same_model_and_version()
    {
        var pages = Enumerable.Range(0, 30).Select(i => Page(i, i % 3 == 0 ? [Promo, (ulong)i + 10] : [Footer, Promo, (ulong)i + 10])).ToArray();
        var expected = Window(pages).Snapshot();

        for (var seed = 0; seed < 10; seed++)
        {
            var shuffled = pages.ToArray();
            new Random(seed).Shuffle(shuffled);
            var model = Window(shuffled).Snapshot();

            Assert.Equal(expected.Blocks, model.Blocks);
            Assert.Equal(expected.Version, model.Version);
        }

        Assert.Equal([Footer, Promo], expected.Blocks);
    }

    [Fact]
    public void Kept_texts_do_not_change_the_version()
    {
        var model = Window(Enumerable.Range(0, 5).Select(i => Page(i, [Footer, 100 + (ulong)i]))).Snapshot();

        var kept = model.WithKept(["This article is for information only."]);

        Assert.Equal(model.Version, kept.Version);
        Assert.Equal(["this article is for information only"], kept.Kept);
    }

    private static PageSample Page(int i, ulong[] blocks) => SiteTemplateWindow.Sample($"https://news.example/{i}", blocks);

    private static SiteTemplateWindow Window(IEnumerable<PageSample> pages)
    {
        var window = new SiteTemplateWindow("news.example");
        foreach (var page in pages)
        {
            window.Observe(page);
        }

        return window;
    }
}
