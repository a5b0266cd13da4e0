using System.Diagnostics.CodeAnalysis;

namespace NewsIngest.Evaluation.Corpora;

/// <summary>A loaded corpus, or a one-line reason why the folder is not one.</summary>
public sealed record CorpusLoadResult
{
    private CorpusLoadResult(Corpus? corpus, string? error)
    {
        Corpus = corpus;
        Error = error;
    }

    public Corpus? Corpus { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Corpus))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Corpus is not null;

    public static CorpusLoadResult Loaded(Corpus corpus) => new(corpus, null);

    public static CorpusLoadResult Failed(string error) => new(null, error);
}
