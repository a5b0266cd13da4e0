using System.Text;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Serialization;
using NewsIngest.Extraction.Templates;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Templates;
using NewsIngest.Ingestion.Tests.State.Contract;

namespace NewsIngest.Ingestion.Tests.Templates;

/// <summary>
/// The site templates of once, run and reprocess, over a real state of each provider: a record is cleaned by the model that
/// includes its own page; the model is the same after a restart and whatever order the pages came in; the state
/// keeps only each site's window.
/// </summary>
public abstract class SiteTemplateLearnerContract : StateContract
{
    private static readonly int[] TenPages = [.. Enumerable.Range(0, 10)];
    private readonly GeneratedSite _site = new("harbour.example");
    private readonly Dictionary<string, StateUnderTest> _states = new(StringComparer.Ordinal);

    [Fact]
    public async Task From_the_fifth_page_on_the_template_is_gone_and_every_body_paragraph_stays()
    {
        await using var state = await OpenAsync("state.db");
        var learner = new SiteTemplateLearner(state);

        var records = new List<ArticleRecord>();
        foreach (var page in TenPages)
        {
            records.Add(await LearnAsync(learner, page));
        }

        for (var page = 0; page < 10; page++)
        {
            var texts = records[page].Preview.Blocks.Select(b => b.Text).ToArray();
            Assert.All(_site.Body(page), paragraph => Assert.Contains(paragraph, texts));
            Assert.Equal(page >= 4, !texts.Contains(_site.SignUp));
            Assert.Equal(page >= 4, records[page].SiteTemplate is not null);
        }
    }

    [Fact]
    public async Task After_a_restart_the_model_and_the_records_are_the_same()
    {
        string[] before;
        string version;
        await using (var state = await OpenAsync("state.db"))
        {
            var learner = new SiteTemplateLearner(state);
            foreach (var page in TenPages)
            {
                await LearnAsync(learner, page);
            }

            version = (await learner.CurrentAsync(_site.Host, "news", default)).Version;
            before = await ExtractAllAsync(learner);
        }

        await using var reopened = await OpenAsync("state.db");
        var restarted = new SiteTemplateLearner(reopened);

        Assert.Equal(version, (await restarted.CurrentAsync(_site.Host, "news", default)).Version);
        Assert.Equal(before, await ExtractAllAsync(restarted));
    }

    [Fact]
    public async Task Ten_shuffled_orders_leave_the_same_model_and_the_same_records()
    {
        string[]? expected = null;
        for (var seed = 0; seed < 10; seed++)
        {
            var order = TenPages.ToArray();
            new Random(seed).Shuffle(order);
            await using var state = await OpenAsync($"state-{seed}.db");
            var learner = new SiteTemplateLearner(state);
            foreach (var page in order)
            {
                await LearnAsync(learner, page);
            }

            var records = await ExtractAllAsync(learner);
            expected ??= records;
            Assert.Equal(expected, records);
        }
    }

    [Fact]
    public async Task A_sources_kept_text_stays_in_its_previews_only()
    {
        await using var state = await OpenAsync("state.db");
        var learner = new SiteTemplateLearner(state, new Dictionary<string, IReadOnlyList<string>>
        {
            ["keeps"] = ["This article is provided by Harbour Times for information only"],
        });
        foreach (var page in TenPages)
        {
            await LearnAsync(learner, page);
        }

        var kept = await ExtractAsync(await learner.CurrentAsync(_site.Host, "keeps", default), 3);
        var other = await ExtractAsync(await learner.CurrentAsync(_site.Host, "news", default), 3);

        Assert.Equal([.. _site.Body(3), _site.Disclaimer], kept.Preview.Blocks.Select(b => b.Text));
        Assert.Equal(_site.Body(3), other.Preview.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task The_state_keeps_each_sites_last_fifty_pages_and_replays_them_in_order()
    {
        await using var state = await OpenAsync("state.db");
        for (var i = 0; i < 60; i++)
        {
            await state.SaveTemplatePageAsync("a.example", SiteTemplateWindow.Sample($"https://a.example/{i}", [(ulong)i, 7]), 50, default);
        }

        await state.SaveTemplatePageAsync("b.example", SiteTemplateWindow.Sample("https://b.example/1", [1]), 50, default);
        await state.SaveTemplatePageAsync("a.example", SiteTemplateWindow.Sample("https://a.example/20", [99, 7]), 50, default);

        var pages = await state.GetTemplatePagesAsync("a.example", default);

        Assert.Equal(50, pages.Count);
        Assert.Equal("https://a.example/10", pages[0].PageKey);
        Assert.Equal("https://a.example/20", pages[^1].PageKey);
        Assert.Equal([7UL, 99UL], pages[^1].Blocks);
        Assert.Single(await state.GetTemplatePagesAsync("b.example", default));
    }

    [Fact]
    public async Task A_window_that_left_memory_comes_back_from_the_state_as_it_was()
    {
        await using var state = await OpenAsync("state.db");
        var other = new GeneratedSite("quay.example", "Quay Post");
        var learner = new SiteTemplateLearner(state, maxSites: 1);
        foreach (var page in TenPages)
        {
            await LearnAsync(learner, page);
            await LearnAsync(learner, other, page);
        }

        var unbounded = new SiteTemplateLearner(state);

        Assert.Equal(1, learner.Sites);
        Assert.Equal(20, learner.Loads);
        Assert.Equal(
            (await unbounded.CurrentAsync(_site.Host, "news", default)).Version,
            (await learner.CurrentAsync(_site.Host, "news", default)).Version);
        Assert.True((await learner.CurrentAsync(_site.Host, "news", default)).IsWarm);
    }

    [Fact]
    public async Task A_page_whose_save_fails_is_not_counted_and_is_learned_when_it_comes_again()
    {
        await using var state = await OpenAsync("state.db");
        var store = new FailingStore(state) { FailNextSave = true };
        var learner = new SiteTemplateLearner(store);

        await Assert.ThrowsAsync<IOException>(() => LearnAsync(learner, 0));
        for (var page = 0; page < 5; page++)
        {
            await LearnAsync(learner, page);
        }

        Assert.Equal(5, (await state.GetTemplatePagesAsync(_site.Host, default)).Count);
        Assert.True((await learner.CurrentAsync(_site.Host, "news", default)).IsWarm);
    }

    [Fact]
    public async Task Pages_of_one_site_extract_at_the_same_time()
    {
        await using var state = await OpenAsync("state.db");
        var learner = new SiteTemplateLearner(state);
        using var secondExtracting = new ManualResetEventSlim();

        // The first page's extraction goes on only once the second's has started: a lock held over extraction would hang it.
        var first = Task.Run(() => learner.ExtractAndLearnAsync(_site.Host, "news", model =>
        {
            Assert.True(secondExtracting.Wait(TimeSpan.FromSeconds(60)), "the second page's extraction waited for the first's");
            return Extract(model, 0);
        }, default));
        var second = await learner.ExtractAndLearnAsync(_site.Host, "news", model =>
        {
            secondExtracting.Set();
            return Extract(model, 1);
        }, default);

        Assert.True((await first).IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(2, (await state.GetTemplatePagesAsync(_site.Host, default)).Count);
    }

    private ExtractionResult Extract(SiteTemplate model, int page) =>
        PipelinePageExtractor.Instance.Extract(Encoding.UTF8.GetBytes(_site.Page(page)), "utf-8", _site.Url(page), model, default);

    private sealed class FailingStore(ISiteTemplateStore inner) : ISiteTemplateStore
    {
        public bool FailNextSave { get; set; }

        public Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken) =>
            inner.GetTemplatePagesAsync(site, cancellationToken);

        public Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new IOException("disk full");
            }

            return inner.SaveTemplatePageAsync(site, page, capacity, cancellationToken);
        }
    }

    private Task<ArticleRecord> LearnAsync(SiteTemplateLearner learner, int page) => LearnAsync(learner, _site, page);

    private static async Task<ArticleRecord> LearnAsync(SiteTemplateLearner learner, GeneratedSite site, int page)
    {
        var body = Encoding.UTF8.GetBytes(site.Page(page));
        var result = await learner.ExtractAndLearnAsync(
            site.Host, "news", model => PipelinePageExtractor.Instance.Extract(body, "utf-8", site.Url(page), model, default), default);
        Assert.True(result.IsSuccess, result.Error);
        return result.Record;
    }

    private async Task<string[]> ExtractAllAsync(SiteTemplateLearner learner)
    {
        var model = await learner.CurrentAsync(_site.Host, "news", default);
        var records = new List<string>();
        foreach (var page in TenPages)
        {
            records.Add(RecordJson.Serialize(await ExtractAsync(model, page)));
        }

        return [.. records];
    }

    private Task<ArticleRecord> ExtractAsync(SiteTemplate model, int page)
    {
        var result = PipelinePageExtractor.Instance.Extract(Encoding.UTF8.GetBytes(_site.Page(page)), "utf-8", _site.Url(page), model, default);
        Assert.True(result.IsSuccess, result.Error);
        return Task.FromResult(result.Record);
    }

    /// <summary>The state named <paramref name="name"/> in this test ("state.db" is <see cref="StateContract.State"/>), opened.</summary>
    private async Task<TemplateState> OpenAsync(string name)
    {
        if (!_states.TryGetValue(name, out var under))
        {
            under = name == "state.db" ? State : await CreateAsync();
            _states[name] = under;
        }

        return new TemplateState(await under.OpenAsync(), under == State ? null : under);
    }

    /// <summary>An open state as its template store; disposing closes it (and drops a state of its own).</summary>
    private sealed class TemplateState(StateBackend backend, StateUnderTest? owned) : ISiteTemplateStore, IAsyncDisposable
    {
        public Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken) =>
            backend.Templates.GetTemplatePagesAsync(site, cancellationToken);

        public Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken) =>
            backend.Templates.SaveTemplatePageAsync(site, page, capacity, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await backend.DisposeAsync();
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }
}
