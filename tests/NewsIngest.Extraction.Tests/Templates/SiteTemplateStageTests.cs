using NewsIngest.Extraction.Serialization;
using NewsIngest.Extraction.Templates;
using NewsIngest.Extraction.Tests.Support;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Extraction.Tests.Templates;

/// <summary>
/// Generated sites of ten pages, each with a marketing block, a sign-up box, a footer written as paragraphs and a
/// standing disclaimer around a body of its own: once the model is warm every template block leaves the preview and
/// no paragraph of the body does; a kept text stays; the output does not depend on the order the pages came in.
/// </summary>
public sealed class SiteTemplateStageTests
{
    private static readonly GeneratedSite[] Sites = [new("harbour.example"), new("valley.example", "Valley Courier")];

    private static readonly int[] TenPages = [.. Enumerable.Range(0, 10)];

    public static TheoryData<int> SiteIndexes => [0, 1];

    [Theory]
    [MemberData(nameof(SiteIndexes))]
    public void Every_template_block_leaves_the_preview_and_every_body_paragraph_stays(int index)
    {
        var site = Sites[index];
        var model = TemplateSites.Learn(site, TenPages);

        foreach (var page in TenPages)
        {
            var record = TemplateSites.Extract(site, page, model);

            Assert.Equal(site.Body(page), record.PreviewTexts());
            Assert.True(record.Removed.Template >= 4, $"page {page}: {record.Removed}");
            Assert.Equal(new SiteTemplateInfo(site.Host, model.Version), record.SiteTemplate);
        }
    }

    [Fact]
    public void Without_the_model_todays_rules_leave_template_blocks_in_the_preview()
    {
        var site = Sites[0];

        var record = TemplateSites.Extract(site, 3, model: null);

        Assert.Contains(site.SignUp, record.PreviewTexts());
        Assert.Contains(site.Disclaimer, record.PreviewTexts());
        Assert.Equal(0, record.Removed.Template);
        Assert.Null(record.SiteTemplate);
    }

    [Fact]
    public void A_model_that_is_not_warm_changes_nothing_in_the_record()
    {
        var site = Sites[0];
        var cold = TemplateSites.Learn(site, [0, 1, 2, 3]);

        var with = TemplateSites.Extract(site, 3, cold);
        var without = TemplateSites.Extract(site, 3, model: null);

        Assert.False(cold.IsWarm);
        Assert.Equal(RecordJson.Serialize(without), RecordJson.Serialize(with));
    }

    [Fact]
    public void A_kept_disclaimer_stays_and_the_rest_of_the_template_goes()
    {
        var site = Sites[0];
        var model = TemplateSites.Learn(site, TenPages).WithKept(["This article is provided by Harbour Times for information only"]);

        var record = TemplateSites.Extract(site, 5, model);

        Assert.Equal([.. site.Body(5), site.Disclaimer], record.PreviewTexts());
    }

    [Fact]
    public void The_output_is_the_same_under_ten_shuffled_orders()
    {
        var site = Sites[1];
        var expected = TenPages.Select(p => RecordJson.Serialize(TemplateSites.Extract(site, p, TemplateSites.Learn(site, TenPages)))).ToArray();

        for (var seed = 0; seed < 10; seed++)
        {
            var order = TenPages.ToArray();
            new Random(seed).Shuffle(order);
            var model = TemplateSites.Learn(site, order);

            Assert.Equal(expected, TenPages.Select(p => RecordJson.Serialize(TemplateSites.Extract(site, p, model))));
        }
    }

    [Fact]
    public void Explain_names_the_rule()
    {
        var site = Sites[0];
        var model = TemplateSites.Learn(site, TenPages);

        ExtractionPipeline.Default.Explain(TemplateSites.Input(site, 2, model), out var trace);

        var signUp = Assert.Single(trace, t => t.Text == site.SignUp);
        Assert.Equal(("template", "site-template"), (signUp.Role, signUp.Reason));
    }

    [Fact]
    public void A_known_block_between_two_body_paragraphs_is_the_articles_and_stays()
    {
        // Given a site whose pages all quote the same line in the middle of the body, as one of its paragraphs.
        const string Quote = "The harbour master said the new berths would be ready before the summer season begins in earnest.";
        var pages = Enumerable.Range(0, 6).Select(i => Extract.Page(
            $"<article><h1>Story {i}</h1><p>{Body(i, 1)}</p><p>{Quote}</p><p>{Body(i, 2)}</p></article>")).ToArray();
        var model = Learn(pages);

        var record = ExtractWith(pages[4], 4, model);

        Assert.Contains(model.Blocks, _ => true);
        Assert.Equal([Body(4, 1), Quote, Body(4, 2)], record.PreviewTexts());
    }

    [Fact]
    public void A_preview_the_template_knows_entirely_is_left_whole()
    {
        // Given a site whose pages close with the same appeal, and one page that is only the appeal.
        const string Text = "Our newsroom publishes independent reporting on the region every day, supported by readers like you.";
        var pages = Enumerable.Range(0, 6).Select(i => Extract.Page($"<article><h1>Story {i}</h1><p>{Body(i, 1)}</p><p>{Text}</p></article>"));
        var model = Learn([.. pages]);

        var record = ExtractWith(Extract.Page($"<article><h1>Support us</h1><p>{Text}</p></article>"), 7, model);

        Assert.True(model.IsWarm);
        Assert.Equal([Text], record.PreviewTexts());
        Assert.Equal(0, record.Removed.Template);
    }

    [Fact]
    public void Text_pages_learn_a_template_too()
    {
        const string Tail = "Subscribe to the Valley Courier for the whole story every morning.";
        var pages = Enumerable.Range(0, 6).Select(i => $"{Headlines[i]}\n\n{Body(i, 1)}\n\n{Body(i, 2)}\n\n{Tail}").ToArray();
        var window = new SiteTemplateWindow("valley.example");
        foreach (var page in pages)
        {
            window.Observe(ExtractionPipeline.Default.Extract(new PageInput(page, null, InputFormat.Text) { SiteTemplate = SiteTemplate.Empty("valley.example") }).TemplateSample!);
        }

        var record = ExtractionPipeline.Default.Extract(new PageInput(pages[2], null, InputFormat.Text) { SiteTemplate = window.Snapshot() }).Record!;

        Assert.DoesNotContain(Tail, record.PreviewTexts());
        Assert.Contains(Body(2, 2), record.PreviewTexts());
        Assert.Equal(1, record.Removed.Template);
    }

    [Fact]
    public void A_page_of_many_blocks_teaches_only_its_first_and_last_128()
    {
        static string Page(IEnumerable<int> paragraphs) =>
            "<html><body><article>"
            + string.Concat(paragraphs.Select(p => $"<p>{Body(p, p % 7)} Entry {p} of the live page goes on.</p>"))
            + "</article></body></html>";

        var whole = ExtractionPipeline.Default.Extract(Input(Page(Enumerable.Range(0, 400)), 0, SiteTemplate.Empty("news.example"))).TemplateSample!;
        var ends = ExtractionPipeline.Default.Extract(
            Input(Page([.. Enumerable.Range(0, 128), .. Enumerable.Range(272, 128)]), 0, SiteTemplate.Empty("news.example"))).TemplateSample!;

        Assert.Equal(SiteTemplateWindow.MaxBlocksPerPage, whole.Blocks.Count);
        Assert.Equal(ends.Blocks, whole.Blocks);
    }

    private static readonly string[] Headlines = ["Ferry fares rise", "Bridge reopens", "Museum expands", "Budget approved", "School closes", "Market moves"];

    private static string Body(int page, int paragraph) =>
        $"Paragraph {paragraph} of story {page} tells what happened at the harbour on day {page * 3 + paragraph}, in words of its own: {new string('a', page + 3)} {new string('b', paragraph + 2)} and the rest.";

    private static SiteTemplate Learn(string[] pages)
    {
        var window = new SiteTemplateWindow("news.example");
        for (var i = 0; i < pages.Length; i++)
        {
            window.Observe(ExtractionPipeline.Default.Extract(Input(pages[i], i, SiteTemplate.Empty("news.example"))).TemplateSample!);
        }

        return window.Snapshot();
    }

    private static ArticleRecord ExtractWith(string page, int i, SiteTemplate model) => ExtractionPipeline.Default.Extract(Input(page, i, model)).Record!;

    private static PageInput Input(string page, int i, SiteTemplate model) =>
        new(page, new Uri($"https://news.example/{i}"), InputFormat.Html) { SiteTemplate = model };
}
