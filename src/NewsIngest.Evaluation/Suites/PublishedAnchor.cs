namespace NewsIngest.Evaluation.Suites;

/// <summary>A published figure to read ours against: a system's score with the same metric, and where it was measured.</summary>
/// <param name="System">The extractor ("trafilatura 2.2").</param>
/// <param name="Value">Its F1 with the corpus's headline metric.</param>
public sealed record PublishedAnchor(string System, double Value);
