using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Snippets;

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
