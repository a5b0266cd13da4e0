using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Extraction.Tests.Evaluation;

/// <summary>
/// <c>eval</c> learns each site's template from the corpus's own pages first: on a corpus of one generated site whose
/// "without" snippets are the template's blocks, the template leaks with it off and not with it on.
/// </summary>
public sealed class SiteTemplateEvaluationTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly GeneratedSite _site = new("harbour.example");

    public SiteTemplateEvaluationTests()
    {
        for (var page = 0; page < 10; page++)
        {
            _corpus.WithSnippetPage(_site.Url(page).AbsoluteUri, $"story-{page}.html", _site.Page(page), [.. _site.Body(page)], [_site.SignUp, _site.Disclaimer]);
        }
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void With_the_model_the_template_no_longer_leaks_and_no_body_snippet_is_lost()
    {
        var on = Evaluate(new EvaluationOptions { Parallelism = 2 });
        var off = Evaluate(new EvaluationOptions { Parallelism = 2, SiteTemplates = false });

        Assert.Equal(1, off.Leak!.Value, 6);
        Assert.Equal(0, on.Leak!.Value, 6);
        Assert.Equal((1.0, 1.0), (on.Recall, off.Recall));
    }

    private NewsIngest.Evaluation.Reporting.EvaluationReport Evaluate(EvaluationOptions options)
    {
        var load = CorpusReader.Load(_corpus.Path);
        Assert.True(load.IsSuccess, load.Error);
        return new CorpusEvaluator().Evaluate(load.Corpus, options, default);
    }
}
