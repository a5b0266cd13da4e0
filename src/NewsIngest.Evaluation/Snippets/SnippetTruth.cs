namespace NewsIngest.Evaluation.Snippets;

/// <summary>The annotation of one page: snippets that must appear in the output, and snippets that must not.</summary>
/// <param name="With">Text from the article body; each one found is a true positive.</param>
/// <param name="Without">Boilerplate or wall text; each one found is a false positive (a leak).</param>
public sealed record SnippetTruth(IReadOnlyList<string> With, IReadOnlyList<string> Without);
