using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Snippets;
using NewsIngest.Evaluation.Words;

namespace NewsIngest.Evaluation.Reporting;

/// <summary>The figures of one evaluation run: corpus scores, throughput, the worst pages and the failures.</summary>
public sealed record EvaluationReport
{
    public required string Corpus { get; init; }

    public required CorpusKind Kind { get; init; }

    /// <summary>Pages evaluated (after <c>--limit</c>).</summary>
    public required int Pages { get; init; }

    public required int Extracted { get; init; }

    public required int Rejected { get; init; }

    public required int Crashed { get; init; }

    public required int Unreadable { get; init; }

    public required double Precision { get; init; }

    public required double Recall { get; init; }

    public required double F1 { get; init; }

    /// <summary>Summed snippet counts (snippet corpora only).</summary>
    public SnippetCounts? Snippets { get; init; }

    /// <summary>Share of <c>without</c> snippets found in the output: FP / |without| (snippet corpora only).</summary>
    public double? Leak => Snippets?.Leak;

    /// <summary>
    /// Mean word precision, recall and F1 against the pages' reference bodies (corpora whose pages carry one, such as
    /// WCXB); null otherwise.
    /// </summary>
    public WordScore? Words { get; init; }

    /// <summary>
    /// The corpus's headline figure, the one suites average and floor: word F1 when the pages carry reference bodies,
    /// else the corpus metric's F1 (snippets or shingles).
    /// </summary>
    public double Score => Words?.F1 ?? F1;

    /// <summary>The name of <see cref="Score"/>'s metric: <c>word-f1</c>, <c>snippets</c> or <c>shingles</c>.</summary>
    public string ScoreMetric => Words is not null ? "word-f1" : Kind.ToString().ToLowerInvariant();

    /// <summary>Pages that entered the shingle precision mean (output not empty).</summary>
    public int? PrecisionPages { get; init; }

    /// <summary>Pages that entered the shingle recall mean (reference not empty).</summary>
    public int? RecallPages { get; init; }

    /// <summary>Summed decode-and-extract time over all pages (CPU-side, across threads).</summary>
    public required TimeSpan ExtractionTime { get; init; }

    /// <summary>Elapsed time of the whole parallel run, reading and scoring included.</summary>
    public required TimeSpan WallTime { get; init; }

    public required int Parallelism { get; init; }

    /// <summary>Pages per second of extraction time: what one thread sustains.</summary>
    public double ExtractionPagesPerSecond => Rate(Pages, ExtractionTime);

    /// <summary>Pages per second of wall time, with <see cref="Parallelism"/> threads.</summary>
    public double WallPagesPerSecond => Rate(Pages, WallTime);

    /// <summary>The lowest-scoring pages, worst first (ties by name).</summary>
    public required IReadOnlyList<PageResult> Worst { get; init; }

    /// <summary>Pages rejected, crashed or unreadable, by name.</summary>
    public required IReadOnlyList<PageResult> Failures { get; init; }

    private static double Rate(int pages, TimeSpan time) => time > TimeSpan.Zero ? pages / time.TotalSeconds : 0;
}
