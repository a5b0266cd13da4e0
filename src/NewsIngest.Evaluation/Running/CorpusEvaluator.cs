using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Shingles;
using NewsIngest.Evaluation.Snippets;
using NewsIngest.Evaluation.Words;
using NewsIngest.Extraction;
using NewsIngest.Extraction.Templates;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Evaluation.Running;

/// <summary>
/// Runs an extractor over every page of a corpus in parallel and scores it with the corpus's metric. Results are
/// gathered by page index, so the report is the same whatever order the threads finish in.
/// </summary>
public sealed class CorpusEvaluator
{
    private readonly Func<PageInput, ExtractionResult> _extract;
    private readonly TimeProvider _time;

    /// <param name="extract">The extractor under test; default <see cref="ExtractionPipeline.Default"/>.</param>
    /// <param name="time">The clock for timings; default the system clock.</param>
    public CorpusEvaluator(Func<PageInput, ExtractionResult>? extract = null, TimeProvider? time = null)
    {
        _extract = extract ?? ExtractionPipeline.Default.Extract;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Scores <paramref name="corpus"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public EvaluationReport Evaluate(Corpus corpus, EvaluationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var pages = options.Limit is { } limit ? corpus.Pages.Take(limit).ToList() : corpus.Pages;
        var results = new PageResult[pages.Count];
        var started = _time.GetTimestamp();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallelism,
            CancellationToken = cancellationToken,
        };
        var models = options.SiteTemplates ? SiteTemplateLearning.Learn(pages, _extract, parallel) : null;
        Parallel.For(0, pages.Count, parallel, i => results[i] = EvaluatePage(pages[i], models?[i]));
        var wall = _time.GetElapsedTime(started);
        return ReportBuilder.Build(corpus, options, results, wall);
    }

    /// <summary>Reads, extracts and scores one page. Never throws for a bad page: that is its outcome.</summary>
    public PageResult EvaluatePage(CorpusPage page) => EvaluatePage(page, null);

    /// <summary>Reads, extracts with <paramref name="model"/> (its site's template, if any) and scores one page.</summary>
    public PageResult EvaluatePage(CorpusPage page, SiteTemplate? model)
    {
        ArgumentNullException.ThrowIfNull(page);
        byte[] bytes;
        string? reference = null;
        try
        {
            bytes = GzipFile.ReadAllBytes(page.PagePath);
            if (page.ReferencePath is { } referencePath)
            {
                reference = ReferenceText.FromHtml(PageDecoder.Decode(GzipFile.ReadAllBytes(referencePath)).Text);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new PageResult { Name = page.Name, Outcome = PageOutcome.Unreadable, Error = ex.Message };
        }

        var outcome = PageOutcome.Extracted;
        string? error = null;
        var output = "";
        var started = _time.GetTimestamp();
        try
        {
            var result = _extract(new PageInput(PageDecoder.Decode(bytes).Text, page.Url) { SiteTemplate = model });
            if (result.IsSuccess)
            {
                output = ScoredText.Of(result.Record);
            }
            else
            {
                (outcome, error) = (PageOutcome.Rejected, result.Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A crash is a finding, not a reason to stop: it scores as empty output and is listed in the report.
            (outcome, error) = (PageOutcome.Crashed, $"{ex.GetType().Name}: {ex.Message}");
        }

        var elapsed = _time.GetElapsedTime(started);
        var snippets = page.Snippets is { } truth ? SnippetMetric.Match(output, truth) : null;
        return new PageResult
        {
            Name = page.Name,
            Outcome = outcome,
            Error = error,
            ExtractionTime = elapsed,
            OutputChars = output.Length,
            Snippets = snippets?.Counts,
            Missed = snippets?.Missed ?? [],
            Leaked = snippets?.Leaked ?? [],
            Shingles = page.ReferencePath is not null ? ShingleMetric.Score(reference, output) : null,
            Words = page.ReferenceBody is { } body ? WordF1Metric.Score(body, output) : null,
        };
    }
}
