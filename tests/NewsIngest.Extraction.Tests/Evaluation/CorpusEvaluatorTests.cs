using System.Text;
using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Running;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class CorpusEvaluatorTests : IDisposable
{
    private const int Digits = 12;
    private readonly TempCorpus _corpus = new();

    public CorpusEvaluatorTests()
    {
        // a: dek + 2 paragraphs found, one "without" leaks -> (3, 1, 0, 0).
        // b: rejected, scored as empty -> (0, 0, 1, 2). c: crashes, scored as empty -> (0, 0, 1, 0).
        _corpus
            .WithSnippetPage(
                "https://example.test/news/a",
                "a.html",
                "<title>A</title><h2 class=dek>Lead of A</h2><article><p>First paragraph of A.</p><p>Second one.</p><p>Subscribe now</p></article>",
                ["Lead of A", "First paragraph of A.", "Second one."],
                ["Subscribe now"])
            .WithSnippetPage(
                "hard::b.html",
                "b.html",
                "<title>B</title><article>REJECT Body of B</article>",
                ["Body of B"],
                ["Cookie notice", "Menu"])
            .WithSnippetPage(
                "xhttps://example.test/c",
                "c.html",
                "<title>C</title><article>CRASH C text</article>",
                ["C text"],
                []);
    }

    [Fact]
    public void Scores_a_snippet_corpus_end_to_end_with_rejections_and_crashes_as_empty_output()
    {
        var fake = new FakeExtractor();

        var report = Evaluate(fake.Extract, new EvaluationOptions());

        // Sum (3, 1, 2, 2): P = 3/4, R = 3/5, F1 = 6/9, leak = 1/3.
        Assert.Equal((3, 1, 1, 1, 0), (report.Pages, report.Extracted, report.Rejected, report.Crashed, report.Unreadable));
        Assert.Equal(0.75, report.Precision, Digits);
        Assert.Equal(0.6, report.Recall, Digits);
        Assert.Equal(6.0 / 9.0, report.F1, Digits);
        Assert.Equal(1.0 / 3.0, report.Leak!.Value, Digits);
        Assert.Equal(["b.html", "c.html", "a.html"], report.Worst.Select(p => p.Name));
        Assert.Equal([PageOutcome.Rejected, PageOutcome.Crashed], report.Failures.Select(p => p.Outcome));
        Assert.Contains("fake extractor crashed", report.Failures[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_only_real_web_addresses_as_the_page_url()
    {
        var fake = new FakeExtractor();

        Evaluate(fake.Extract, new EvaluationOptions());

        Assert.Equal(new Uri("https://example.test/news/a"), fake.Urls["A"]);
        Assert.Null(fake.Urls["B"]);
        Assert.Null(fake.Urls["C"]);
    }

    [Fact]
    public void Gives_the_same_figures_and_order_whatever_the_parallelism()
    {
        var serial = Evaluate(new FakeExtractor().Extract, new EvaluationOptions { Parallelism = 1 });
        var parallel = Evaluate(new FakeExtractor().Extract, new EvaluationOptions { Parallelism = 4 });

        Assert.Equal((serial.Precision, serial.Recall, serial.F1), (parallel.Precision, parallel.Recall, parallel.F1));
        Assert.Equal(serial.Worst.Select(p => (p.Name, p.F1)), parallel.Worst.Select(p => (p.Name, p.F1)));
    }

    [Fact]
    public void Limit_takes_the_first_pages_in_name_order_and_worst_caps_the_list()
    {
        var report = Evaluate(new FakeExtractor().Extract, new EvaluationOptions { Limit = 1, Worst = 0 });

        Assert.Equal(1, report.Pages);
        Assert.Equal(1.0, report.Recall, Digits);
        Assert.Empty(report.Worst);
    }

    [Fact]
    public void Decodes_pages_with_their_declared_charset_before_matching()
    {
        using var corpus = new TempCorpus().WithSnippetPage(
            "https://example.test/umlaut",
            "latin.html",
            "<html><head><meta charset=\"windows-1252\"><title>L</title></head><body><article>Grüße aus Köln</article></body></html>",
            ["Grüße aus Köln"],
            [],
            CodePagesEncodingProvider.Instance.GetEncoding(1252));

        var report = new CorpusEvaluator(new FakeExtractor().Extract)
            .Evaluate(Load(corpus.Path), new EvaluationOptions(), CancellationToken.None);

        Assert.Equal(1.0, report.Recall);
    }

    [Fact]
    public void A_corrupt_page_is_unreadable_and_left_out_of_the_figures()
    {
        _corpus.WithFile(Path.Combine("html", "c.html.gz"), Encoding.UTF8.GetBytes("not gzip at all"));

        var report = Evaluate(new FakeExtractor().Extract, new EvaluationOptions());

        Assert.Equal(1, report.Unreadable);
        Assert.Equal(PageOutcome.Unreadable, report.Failures.Single(f => f.Name == "c.html").Outcome);
        // Without c.html: (3, 1, 1, 2) -> R = 3/4.
        Assert.Equal(0.75, report.Recall, Digits);
    }

    [Fact]
    public void Scores_a_shingle_corpus_end_to_end_against_the_text_of_the_reference_html()
    {
        // 001 matches exactly (P = R = 1). 002: reference "alpha beta gamma delta" is one shingle, the output
        // "alpha beta gamma" one short shingle, so P = R = 0. Corpus P = R = F1 = 0.5.
        using var corpus = new TempCorpus()
            .WithShingleCase("001", "<title>1</title><article>one two three four five</article>", "<div><p>one two three</p><p>four five</p></div>")
            .WithShingleCase("002", "<title>2</title><article>alpha beta gamma</article>", "<div><p>alpha beta</p><p>gamma delta</p></div>");

        var report = new CorpusEvaluator(new FakeExtractor().Extract)
            .Evaluate(Load(corpus.Path), new EvaluationOptions(), CancellationToken.None);

        Assert.Equal(CorpusKind.Shingles, report.Kind);
        Assert.Equal((0.5, 0.5, 0.5), (report.Precision, report.Recall, report.F1));
        Assert.Equal((2, 2), (report.PrecisionPages, report.RecallPages));
        Assert.Equal(["002", "001"], report.Worst.Select(p => p.Name));
        Assert.Null(report.Leak);
    }

    [Fact]
    public void Runs_the_real_extraction_pipeline_over_a_corpus_without_crashing()
    {
        var report = new CorpusEvaluator().Evaluate(Load(_corpus.Path), new EvaluationOptions(), CancellationToken.None);

        Assert.Equal(3, report.Pages);
        Assert.Equal(0, report.Crashed);
        Assert.InRange(report.F1, 0, 1);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new CorpusEvaluator(new FakeExtractor().Extract).Evaluate(Load(_corpus.Path), new EvaluationOptions(), cancelled.Token));
    }

    public void Dispose() => _corpus.Dispose();

    private EvaluationReport Evaluate(Func<PageInput, ExtractionResult> extract, EvaluationOptions options) =>
        new CorpusEvaluator(extract).Evaluate(Load(_corpus.Path), options, CancellationToken.None);

    private static Corpus Load(string path)
    {
        var load = CorpusReader.Load(path);
        Assert.True(load.IsSuccess, load.Error);
        return load.Corpus;
    }
}
