namespace NewsIngest.Evaluation.Corpora;

/// <summary>An annotated corpus: its folder, its kind and its pages in ordinal name order.</summary>
public sealed record Corpus(string Directory, CorpusKind Kind, IReadOnlyList<CorpusPage> Pages)
{
    /// <summary>True when every page carries a reference body, so the corpus is also scored by word F1.</summary>
    public bool HasReferenceBodies => Pages.Count > 0 && Pages.All(p => p.ReferenceBody is not null);

    /// <summary>The folder's own name (<c>wcxb</c>), which names the corpus in suite reports.</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Directory));
}
