namespace NewsIngest.Evaluation.Corpora;

/// <summary>An annotated corpus: its folder, its kind and its pages in ordinal name order.</summary>
public sealed record Corpus(string Directory, CorpusKind Kind, IReadOnlyList<CorpusPage> Pages);
