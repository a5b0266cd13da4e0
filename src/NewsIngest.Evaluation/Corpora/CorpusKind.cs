namespace NewsIngest.Evaluation.Corpora;

/// <summary>How a corpus is annotated, and so which metric scores it.</summary>
public enum CorpusKind
{
    /// <summary>trafilatura's layout: <c>evaldata.json</c> with snippets per page, pages at <c>html/&lt;file&gt;.gz</c>.</summary>
    Snippets,

    /// <summary>readability's layout: <c>&lt;case&gt;/source.html.gz</c> with the reference body in <c>expected.html.gz</c>.</summary>
    Shingles,
}
