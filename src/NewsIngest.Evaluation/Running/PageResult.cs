using NewsIngest.Evaluation.Shingles;
using NewsIngest.Evaluation.Snippets;
using NewsIngest.Evaluation.Words;

namespace NewsIngest.Evaluation.Running;

/// <summary>One page's score: the snippet counts or the shingle score, whichever the corpus kind uses.</summary>
public sealed record PageResult
{
    public required string Name { get; init; }

    public required PageOutcome Outcome { get; init; }

    /// <summary>Why the page was rejected, crashed or unreadable.</summary>
    public string? Error { get; init; }

    /// <summary>Time spent decoding and extracting this page (not reading, inflating or scoring it).</summary>
    public TimeSpan ExtractionTime { get; init; }

    /// <summary>Length of the scored output text, in characters.</summary>
    public int OutputChars { get; init; }

    public SnippetCounts? Snippets { get; init; }

    /// <summary>The <c>with</c> snippets the output missed (snippet corpora).</summary>
    public IReadOnlyList<string> Missed { get; init; } = [];

    /// <summary>The <c>without</c> snippets that leaked into the output (snippet corpora).</summary>
    public IReadOnlyList<string> Leaked { get; init; } = [];

    public ShingleScore? Shingles { get; init; }

    /// <summary>The word F1 of the output against the page's reference body (corpora with bodies).</summary>
    public WordScore? Words { get; init; }

    public double Precision => Snippets?.Precision ?? Shingles?.Precision ?? 0;

    public double Recall => Snippets?.Recall ?? Shingles?.Recall ?? 0;

    /// <summary>
    /// The page's own F1, which ranks the worst pages. A snippet page with nothing to find and nothing leaked
    /// scores 1 (it did all it could).
    /// </summary>
    public double F1 => Snippets is { } s
        ? s.TruePositives + s.FalsePositives + s.FalseNegatives == 0 ? 1 : s.F1
        : Shingles?.F1 ?? 0;

    /// <summary>The page's headline figure, which ranks the worst pages: its word F1 when it has a reference body, else <see cref="F1"/>.</summary>
    public double Score => Words?.F1 ?? F1;
}
