using NewsIngest.Evaluation.Corpora;

namespace NewsIngest.Evaluation.Suites;

/// <summary>A folder of corpora scored together (<c>../shared/corpus</c>): each sub-folder that is a corpus, by name.</summary>
public sealed record Suite(string Directory, IReadOnlyList<Corpus> Corpora);
