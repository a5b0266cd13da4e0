using NewsIngest.Evaluation.Snippets;

namespace NewsIngest.Evaluation.Corpora;

/// <summary>One annotated page of a corpus; its files are read only when the page is evaluated.</summary>
/// <param name="Name">How reports name the page: the file name (snippets) or the case folder (shingles).</param>
/// <param name="PagePath">The gzipped page.</param>
/// <param name="Url">The page's address when the corpus knows it.</param>
/// <param name="Snippets">The snippet annotation (snippet corpora).</param>
/// <param name="ReferencePath">The gzipped reference HTML (shingle corpora).</param>
/// <param name="ReferenceBody">The reference main text, scored by word F1 (snippet corpora whose entries carry a
/// <c>body</c>, such as WCXB).</param>
public sealed record CorpusPage(
    string Name, string PagePath, Uri? Url, SnippetTruth? Snippets, string? ReferencePath, string? ReferenceBody = null);
