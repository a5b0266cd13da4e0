using NewsIngest.Evaluation.Reporting;

namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// The figures of a suite run: one report per corpus and their macro average, the unweighted mean of each corpus's
/// headline score (<see cref="EvaluationReport.Score"/>), so a corpus of 990 pages weighs as much as one of 130.
/// </summary>
public sealed record SuiteReport
{
    public required string Directory { get; init; }

    /// <summary>One report per corpus, in suite order.</summary>
    public required IReadOnlyList<EvaluationReport> Corpora { get; init; }

    /// <summary>The mean of the corpora's headline scores.</summary>
    public double Macro => Corpora.Count == 0 ? 0 : Corpora.Average(c => c.Score);

    /// <summary>The corpus names (folder names) in suite order.</summary>
    public IEnumerable<string> Names => Corpora.Select(NameOf);

    /// <summary>The macro average with the corpus named <paramref name="name"/> left out (the mean of the others).</summary>
    public double MacroWithout(string name)
    {
        var rest = Corpora.Where(c => NameOf(c) != name).ToList();
        return rest.Count == 0 ? 0 : rest.Average(c => c.Score);
    }

    /// <summary>The report of the corpus named <paramref name="name"/>, or null.</summary>
    public EvaluationReport? Find(string name) => Corpora.FirstOrDefault(c => NameOf(c) == name);

    /// <summary>A corpus report's name in the suite: its folder's name.</summary>
    public static string NameOf(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(report.Corpus));
    }
}
